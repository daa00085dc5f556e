package dev.mtasts.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@link TestHttpsServer} answers for a host: status, headers, body, and how badly to behave while
 * sending it. Immutable: every {@code with...} method returns a copy. Thread-safe.
 *
 * <pre>{@code
 * HttpResponse.ok("text/plain", "version: STSv1\nmode: enforce\nmx: mx.example.test\nmax_age: 86400\n");
 * HttpResponse.redirect(301, "https://www.example.test/");
 * HttpResponse.status(404);
 * HttpResponse.ok("text/plain", text).withoutContentType();
 * HttpResponse.ok("text/plain", text).trickling(Duration.ofSeconds(1));   // one byte a second
 * HttpResponse.ok("text/plain", text).withEndlessBody();                  // never ends
 * HttpResponse.ok("text/plain", text).closingAfter(10);                   // connection closed mid-body
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HttpResponse {

    private final int status;
    private final Optional<String> contentType;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final Duration headerDelay;
    private final Duration byteInterval;
    private final boolean endless;
    private final OptionalInt closeAfter;

    private HttpResponse(int status, Optional<String> contentType, List<Map.Entry<String, String>> headers,
            byte[] body, Duration headerDelay, Duration byteInterval, boolean endless, OptionalInt closeAfter) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status " + status + " is not three digits");
        }
        this.status = status;
        this.contentType = contentType;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.headerDelay = headerDelay;
        this.byteInterval = byteInterval;
        this.endless = endless;
        this.closeAfter = closeAfter;
    }

    /**
     * @param contentType the {@code Content-Type} header value
     * @param body the body, sent as UTF-8
     * @return a 200 response
     */
    public static HttpResponse ok(String contentType, String body) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        return ok(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param contentType the {@code Content-Type} header value
     * @param body the body
     * @return a 200 response
     */
    public static HttpResponse ok(String contentType, byte[] body) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        return new HttpResponse(200, Optional.of(contentType), List.of(), body.clone(), Duration.ZERO, Duration.ZERO,
                false, OptionalInt.empty());
    }

    /**
     * @param status the status code
     * @return a response with that status, {@code text/plain} and a one-line body naming the status
     *         (no body for 1xx, 204 and 304)
     */
    public static HttpResponse status(int status) {
        boolean bodyless = status < 200 || status == 204 || status == 304;
        byte[] body = bodyless ? new byte[0] : ("status " + status + "\n").getBytes(StandardCharsets.US_ASCII);
        return new HttpResponse(status, Optional.of("text/plain"), List.of(), body, Duration.ZERO, Duration.ZERO,
                false, OptionalInt.empty());
    }

    /**
     * @param status a 3xx status
     * @param location the {@code Location} header value
     * @return a redirect
     */
    public static HttpResponse redirect(int status, String location) {
        Objects.requireNonNull(location, "location");
        return status(status).withHeader("Location", location);
    }

    /** @return a copy with the header added (sent after {@code Content-Type}) */
    public HttpResponse withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new HttpResponse(status, contentType, more, body, headerDelay, byteInterval, endless, closeAfter);
    }

    /** @return a copy that sends no {@code Content-Type} header */
    public HttpResponse withoutContentType() {
        return new HttpResponse(status, Optional.empty(), headers, body, headerDelay, byteInterval, endless,
                closeAfter);
    }

    /** @param delay how long to wait after the request before sending the status line @return a copy */
    public HttpResponse withHeaderDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return new HttpResponse(status, contentType, headers, body, requireNotNegative(delay), byteInterval, endless,
                closeAfter);
    }

    /** @param interval the pause after each body byte @return a copy that sends its body one byte at a time */
    public HttpResponse trickling(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        return new HttpResponse(status, contentType, headers, body, headerDelay, requireNotNegative(interval), endless,
                closeAfter);
    }

    /** @return a copy that sends no length and repeats its body (or {@code x}) until the client hangs up */
    public HttpResponse withEndlessBody() {
        return new HttpResponse(status, contentType, headers, body, headerDelay, byteInterval, true, closeAfter);
    }

    /**
     * @param bytes how many body bytes to send before closing the connection
     * @return a copy that announces the full {@code Content-Length} but closes after {@code bytes}
     */
    public HttpResponse closingAfter(int bytes) {
        if (bytes < 0 || bytes >= body.length) {
            throw new IllegalArgumentException("closingAfter(" + bytes + ") must be below the body length "
                    + body.length);
        }
        return new HttpResponse(status, contentType, headers, body, headerDelay, byteInterval, endless,
                OptionalInt.of(bytes));
    }

    /** @return the status code */
    public int statusCode() {
        return status;
    }

    /** @return the {@code Content-Type}, or empty when none is sent */
    public Optional<String> contentType() {
        return contentType;
    }

    /** @return the extra headers, in order */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** @return a copy of the body */
    public byte[] body() {
        return body.clone();
    }

    Duration headerDelay() {
        return headerDelay;
    }

    Duration byteInterval() {
        return byteInterval;
    }

    boolean endless() {
        return endless;
    }

    OptionalInt closeAfter() {
        return closeAfter;
    }

    byte[] bodyUnsafe() {
        return body;
    }

    private static Duration requireNotNegative(Duration d) {
        if (Objects.requireNonNull(d, "duration").isNegative()) {
            throw new IllegalArgumentException("negative duration " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "HttpResponse[" + status + contentType.map(t -> ", " + t).orElse(", no content type") + ", "
                + body.length + " bytes" + (endless ? ", endless" : "")
                + (byteInterval.isZero() ? "" : ", trickling " + byteInterval)
                + (headerDelay.isZero() ? "" : ", delay " + headerDelay)
                + (closeAfter.isPresent() ? ", closing after " + closeAfter.getAsInt() : "") + "]";
    }
}
