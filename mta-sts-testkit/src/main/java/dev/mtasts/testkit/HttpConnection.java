package dev.mtasts.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLSocket;

/** Serves one request on one accepted connection (plain or TLS), then closes it. */
final class HttpConnection implements Runnable {

    private static final int MAX_HEAD = 16 * 1024;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final boolean tls;
    private final Function<HttpRecordedRequest, HttpResponse> responder;
    private final Consumer<HttpRecordedRequest> recorder;
    private final Runnable onClose;

    HttpConnection(Socket socket, boolean tls, Function<HttpRecordedRequest, HttpResponse> responder,
            Consumer<HttpRecordedRequest> recorder, Runnable onClose) {
        this.socket = socket;
        this.tls = tls;
        this.responder = responder;
        this.recorder = recorder;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (Socket s = socket) {
            s.setSoTimeout(READ_TIMEOUT_MILLIS);
            s.setTcpNoDelay(true); // small writes (trickling, endless bodies) must not wait for delayed ACKs
            Optional<String> sni = Optional.empty();
            if (tls) {
                SSLSocket ssl = (SSLSocket) s;
                ssl.startHandshake();
                sni = TlsSniKeyManager.sniHost(ssl.getSession());
            }
            Optional<HttpRecordedRequest> request = readRequest(s.getInputStream(), sni);
            if (request.isEmpty()) {
                writeBadRequest(s.getOutputStream());
                return;
            }
            recorder.accept(request.get());
            write(s, responder.apply(request.get()));
        } catch (IOException | RuntimeException e) {
            // the client hung up, failed the handshake or timed out: nothing more to do with this connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            onClose.run();
        }
    }

    private Optional<HttpRecordedRequest> readRequest(InputStream in, Optional<String> sni) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0; // counts the CR LF CR LF seen so far
        while (state < 4) {
            int b = in.read();
            if (b < 0 || head.size() >= MAX_HEAD) {
                return Optional.empty();
            }
            if ((b < 0x20 || b >= 0x7f) && b != '\r' && b != '\n' && b != '\t') {
                return Optional.empty(); // not HTTP (for example a TLS ClientHello): answer 400 at once, as nginx does
            }
            head.write(b);
            boolean expectCr = state % 2 == 0;
            state = (expectCr && b == '\r') || (!expectCr && b == '\n') ? state + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            return Optional.empty();
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            headers.add(Map.entry(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
        }
        return Optional.of(new HttpRecordedRequest(requestLine[0], requestLine[1], headers, tls, sni,
                (InetSocketAddress) socket.getLocalSocketAddress()));
    }

    private static void writeBadRequest(OutputStream out) throws IOException {
        out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void write(Socket s, HttpResponse response) throws IOException, InterruptedException {
        sleep(response.headerDelay());
        OutputStream out = s.getOutputStream();
        byte[] body = response.bodyUnsafe();
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.statusCode()).append(' ')
                .append(HttpReasons.phrase(response.statusCode())).append("\r\n");
        response.contentType().ifPresent(t -> head.append("Content-Type: ").append(t).append("\r\n"));
        response.headers().forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        if (!response.endless()) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        if (response.endless()) {
            byte[] chunk = endlessChunk(body, response.byteInterval());
            while (!Thread.currentThread().isInterrupted()) {
                writeBody(out, chunk, chunk.length, response.byteInterval());
            }
            return;
        }
        int limit = response.closeAfter().orElse(body.length); // closing early: the caller closes the socket
        writeBody(out, body, limit, response.byteInterval());
    }

    /** The body repeated to 8 KiB (or one copy when trickling), so an endless body is fast even on a busy machine. */
    private static byte[] endlessChunk(byte[] body, Duration interval) {
        byte[] unit = body.length == 0 ? new byte[] {'x'} : body;
        if (!interval.isZero() || unit.length >= 8192) {
            return unit;
        }
        byte[] chunk = new byte[8192 - 8192 % unit.length];
        for (int i = 0; i < chunk.length; i += unit.length) {
            System.arraycopy(unit, 0, chunk, i, unit.length);
        }
        return chunk;
    }

    private static void writeBody(OutputStream out, byte[] body, int length, Duration interval)
            throws IOException, InterruptedException {
        if (interval.isZero()) {
            out.write(body, 0, length);
            out.flush();
            return;
        }
        for (int i = 0; i < length; i++) {
            out.write(body[i]);
            out.flush();
            sleep(interval);
        }
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    }
}
