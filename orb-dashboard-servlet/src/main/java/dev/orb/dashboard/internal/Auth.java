package dev.orb.dashboard.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who is asking: the container's authenticated principal when the dashboard is embedded behind the host's
 * security, else — when a credential is configured (the standalone app) — the user of an HTTP Basic header that
 * matches it. The password is compared in constant time over SHA-256 digests, so neither its content nor its
 * length leaks through timing. Immutable and thread-safe.
 */
public final class Auth {
    /** The realm of the Basic challenge. */
    public static final String REALM = "orb dashboard";

    private final String user;
    private final byte[] userDigest;
    private final byte[] passwordDigest;

    /**
     * @param user     the configured user, or null to accept only the container's principal
     * @param password the configured password (ignored when {@code user} is null)
     */
    public Auth(String user, String password) {
        this.user = user;
        this.userDigest = user == null ? null : sha256(user);
        this.passwordDigest = user == null ? null : sha256(password);
    }

    /** True when a Basic credential is configured. */
    public boolean basicConfigured() {
        return user != null;
    }

    /** The authenticated user's name, or null when the request is anonymous or its credential is wrong. */
    public String user(HttpServletRequest request) {
        Principal p = request.getUserPrincipal();
        if (p != null && p.getName() != null && !p.getName().isBlank()) {
            return p.getName();
        }
        return user == null ? null : basicUser(request.getHeader("Authorization"));
    }

    /** The user named by a Basic {@code Authorization} header when it matches the configured credential. */
    public String basicUser(String header) {
        if (user == null || header == null || header.length() < 6
                || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        // both compared, always, so that a wrong user takes as long as a wrong password
        boolean userOk = MessageDigest.isEqual(userDigest, sha256(decoded.substring(0, colon)));
        boolean passwordOk = MessageDigest.isEqual(passwordDigest, sha256(decoded.substring(colon + 1)));
        return userOk & passwordOk ? user : null;
    }

    /** Adds the Basic challenge when a credential is configured (a browser then asks for it). */
    public void challenge(HttpServletResponse response) {
        if (user != null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
    }

    private static byte[] sha256(String s) {
        // one digest per thread: every request checks a credential, and looking the algorithm up costs more than
        // hashing a few bytes
        return SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8));
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    });
}
