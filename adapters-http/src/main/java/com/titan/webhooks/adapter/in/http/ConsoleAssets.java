package com.titan.webhooks.adapter.in.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound adapter: the operator's console, {@code /console}, a few static files from the jar. The
 * page itself needs no token (it holds no data); everything it shows comes from the token-guarded
 * API. Only the files listed here are served, read once at start-up, so that no request path ever
 * reaches the class path. A strict Content-Security-Policy lets the page load nothing but these
 * files and talk to nothing but this server.
 */
final class ConsoleAssets {

    static final String PATH = "/console";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAssets.class);
    private static final List<String> FILES = List.of("index.html", "console.css", "app.js", "api.js", "dom.js",
            "inbox.js", "event.js", "providers.js", "aggregate.js", "favicon.svg");

    private final Map<String, Asset> assets;

    private ConsoleAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** The console's files as the jar holds them; fails at start-up if one is missing. */
    static ConsoleAssets fromClassPath() {
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (String file : FILES) {
            try (InputStream in = ConsoleAssets.class.getResourceAsStream("/console/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("console/" + file + " is missing from the jar");
                }
                assets.put(PATH + "/" + file, new Asset(in.readAllBytes(), contentType(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Asset index = assets.get(PATH + "/index.html");
        assets.put(PATH, index);
        assets.put(PATH + "/", index);
        return new ConsoleAssets(assets);
    }

    /** Whether this raw path belongs to the console (served or answered 404 here). */
    static boolean owns(RequestTarget target) {
        return target.isUnder("console");
    }

    void serve(Request request, Response response) {
        Optional<Asset> asset = Optional.ofNullable(assets.get(request.getRequestURI()));
        if (asset.isEmpty()) {
            Answer.error(response, ErrorCode.NOT_FOUND, "no such console file", Map.of());
            return;
        }
        Method method = request.getMethod();
        if (method != Method.GET && method != Method.HEAD) {
            Answer.error(response, ErrorCode.METHOD_NOT_ALLOWED, "the console is read with GET",
                    Map.of("Allow", "GET, HEAD"));
            return;
        }
        byte[] body = asset.get().body();
        response.setStatus(200);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentType(asset.get().contentType());
        response.setContentLength(body.length);
        if (method == Method.HEAD) {
            return;
        }
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        } catch (IOException clientGone) {
            LOG.debug("the client left before the console file: {}", clientGone.getMessage());
        }
    }

    private static String contentType(String file) {
        if (file.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (file.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    }

    private record Asset(byte[] body, String contentType) {
    }
}
