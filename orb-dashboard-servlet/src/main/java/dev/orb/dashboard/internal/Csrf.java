package dev.orb.dashboard.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CSRF protection by a signed double-submit token bound to the user, so that it needs no server-side session:
 * the token is {@code nonce "." HMAC-SHA256(key, nonce "|" user)}; it is set as an HttpOnly, SameSite=Strict
 * cookie and embedded in every page's forms; an action must send it back in the {@code X-CSRF-Token} header or
 * the {@code _csrf} field, equal to the cookie, with a MAC that verifies for the user making the request. A
 * cross-site page can neither read the token nor forge one for another user. Thread-safe.
 */
public final class Csrf {
    /** The cookie that carries the token. */
    public static final String COOKIE = "orb_csrf";
    /** The request header an action may carry the token in. */
    public static final String HEADER = "X-CSRF-Token";
    /** The form field an action may carry the token in. */
    public static final String FIELD = "_csrf";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();
    private final byte[] key;

    /** @param key the MAC key, ≥ 32 bytes; the same on every instance that serves the same users */
    public Csrf(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("CSRF key: " + key.length + " bytes, at least 32 are needed");
        }
        this.key = key.clone();
    }

    /**
     * The token of {@code user} for this browser: the cookie's when it is valid for the user, else a new one,
     * which is set as the cookie on {@code response}.
     *
     * @param cookiePath the path the cookie is scoped to (the dashboard's base path)
     */
    public String tokenFor(String user, HttpServletRequest request, HttpServletResponse response, String cookiePath) {
        String existing = cookie(request);
        if (existing != null && valid(existing, user)) {
            return existing;
        }
        byte[] nonce = new byte[18];
        random.nextBytes(nonce);
        String n = B64.encodeToString(nonce);
        String token = n + "." + B64.encodeToString(mac(n, user));
        Cookie c = new Cookie(COOKIE, token);
        c.setPath(cookiePath);
        c.setHttpOnly(true);
        c.setSecure(request.isSecure());
        c.setAttribute("SameSite", "Strict");
        response.addCookie(c);
        return token;
    }

    /**
     * True when the request carries a token (header or form field) equal to its cookie and valid for
     * {@code user}.
     *
     * @param submitted the token from the header or form field, or null
     */
    public boolean verify(String user, HttpServletRequest request, String submitted) {
        String cookie = cookie(request);
        if (user == null || submitted == null || cookie == null) {
            return false;
        }
        boolean same = MessageDigest.isEqual(submitted.getBytes(StandardCharsets.UTF_8),
                cookie.getBytes(StandardCharsets.UTF_8));
        return same && valid(submitted, user);
    }

    private boolean valid(String token, String user) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return false;
        }
        byte[] expected = B64.encodeToString(mac(token.substring(0, dot), user)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String nonce, String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(nonce.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '|');
            mac.update((user == null ? "" : user).getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }
}
