package dev.orb.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The static files, all from this jar: the dashboard's own CSS and JavaScript and uPlot from its webjar (no CDN).
 * Loaded once; served with an ETag. Thread-safe.
 */
final class Assets {
    /** The uPlot version of the webjar on the classpath (the pom pins it). */
    static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";

    private final Map<String, Asset> files;

    private Assets(Map<String, Asset> files) {
        this.files = files;
    }

    static Assets load() {
        Map<String, Asset> m = new HashMap<>();
        m.put("orb.css", read("dev/orb/dashboard/assets/orb.css", "text/css"));
        m.put("orb.js", read("dev/orb/dashboard/assets/orb.js", "text/javascript"));
        m.put("uPlot.iife.min.js", read(UPLOT + "uPlot.iife.min.js", "text/javascript"));
        m.put("uPlot.min.css", read(UPLOT + "uPlot.min.css", "text/css"));
        m.put("favicon.svg", read("dev/orb/dashboard/assets/favicon.svg", "image/svg+xml"));
        return new Assets(Map.copyOf(m));
    }

    void serve(String name, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Asset a = files.get(name);
        if (a == null) {
            resp.setStatus(404);
            resp.setContentType("text/plain");
            resp.getWriter().write("not found");
            return;
        }
        resp.setHeader("ETag", a.etag);
        resp.setHeader("Cache-Control", "public, max-age=3600");
        if (a.etag.equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(304);
            return;
        }
        resp.setStatus(200);
        resp.setContentType(a.type);
        if (a.type.startsWith("text/")) {
            resp.setCharacterEncoding("UTF-8");
        }
        resp.setContentLength(a.bytes.length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(a.bytes);
        }
    }

    private static Asset read(String resource, String type) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("dashboard asset missing from the classpath: " + resource);
            }
            byte[] bytes = in.readAllBytes();
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12) + "\"";
            return new Asset(bytes, type, etag);
        } catch (IOException e) {
            throw new UncheckedIOException("reading dashboard asset " + resource, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private record Asset(byte[] bytes, String type, String etag) {
    }
}
