package dev.mtasts.examples.serve;

import com.sun.net.httpserver.Headers;

/**
 * The headers every response carries, page, static file, JSON or event stream alike. The page runs only the
 * script and style files this server serves ({@code 'self'}, no inline script or style, no other host), may not be
 * framed, sends no referrer, and the browser must not guess content types.
 */
final class SecurityHeaders {

    /** The Content-Security-Policy: nothing from another host, no inline script, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    /** Sets the headers on a response, before its status is sent. */
    static void apply(Headers headers) {
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    }
}
