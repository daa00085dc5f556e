package dev.mtasts.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Serves one request on one accepted connection (plain or TLS), then closes it. Over TLS it first reads the
 * ClientHello itself, so that a host whose response {@linkplain HttpResponse#stallingHandshake() stalls the
 * handshake} can do so, then hands the record on to the TLS socket.
 */
final class HttpConnection implements Runnable {

    private static final int MAX_HEAD = 16 * 1024;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private static final int BATCH = 8192;
    private static final long STALL_MILLIS = 120_000;

    private final Socket raw;
    private final SSLSocketFactory tlsFactory; // null for plain HTTP
    private final Function<String, HttpResponse> bySni;
    private final Function<HttpRecordedRequest, HttpResponse> responder;
    private final Consumer<HttpRecordedRequest> recorder;
    private final Function<String, LongAdder> sentCounter;
    private final Runnable onClose;
    private Socket socket;
    private final boolean tls;

    HttpConnection(Socket raw, SSLSocketFactory tlsFactory, Function<String, HttpResponse> bySni,
            Function<HttpRecordedRequest, HttpResponse> responder, Consumer<HttpRecordedRequest> recorder,
            Function<String, LongAdder> sentCounter, Runnable onClose) {
        this.raw = raw;
        this.socket = raw;
        this.tlsFactory = tlsFactory;
        this.tls = tlsFactory != null;
        this.bySni = bySni;
        this.responder = responder;
        this.recorder = recorder;
        this.sentCounter = sentCounter;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (Socket r = raw) {
            raw.setSoTimeout(READ_TIMEOUT_MILLIS);
            raw.setTcpNoDelay(true); // small writes (trickling, endless bodies) must not wait for delayed ACKs
            Optional<String> sni = Optional.empty();
            if (tls) {
                byte[] first = readFirstRecord(raw.getInputStream());
                Optional<String> asked = ClientHello.sni(first);
                HttpResponse planned = bySni.apply(asked.orElse(TlsSniKeyManager.NO_SNI));
                if (planned != null && planned.wire().stallHandshake()) {
                    stallHandshake();
                    return;
                }
                SSLSocket ssl = (SSLSocket) tlsFactory.createSocket(raw, new ByteArrayInputStream(first), true);
                ssl.setUseClientMode(false);
                ssl.setSoTimeout(READ_TIMEOUT_MILLIS);
                socket = ssl;
                ssl.startHandshake();
                sni = TlsSniKeyManager.sniHost(ssl.getSession());
            }
            Socket s = socket;
            Optional<HttpRecordedRequest> request = readRequest(s.getInputStream(), sni);
            if (request.isEmpty()) {
                writeBadRequest(s.getOutputStream());
                return;
            }
            recorder.accept(request.get());
            LongAdder counter = sentCounter.apply(request.get().host().orElse(TlsSniKeyManager.NO_SNI));
            write(s, new CountingOutput(s.getOutputStream(), counter), responder.apply(request.get()));
        } catch (IOException | RuntimeException e) {
            // the client hung up, failed the handshake or timed out: nothing more to do with this connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(socket);
            onClose.run();
        }
    }

    /** Reads the first TLS record (or, when it is no TLS, just its first five bytes) to hand on. */
    private static byte[] readFirstRecord(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[5];
        data.readFully(header);
        if (header[0] != 22) {
            return header; // not a TLS handshake: the TLS socket fails on it as it would have
        }
        int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
        byte[] record = Arrays.copyOf(header, 5 + length);
        data.readFully(record, 5, length);
        return record;
    }

    /** Sends the header of a 16 KiB handshake record and nothing more, until the client hangs up. */
    private void stallHandshake() throws IOException {
        OutputStream out = raw.getOutputStream();
        out.write(new byte[] {22, 3, 3, 0x40, 0});
        out.flush();
        awaitHangUp(raw, raw.getInputStream(), Duration.ofMillis(STALL_MILLIS));
    }

    /**
     * Waits for the duration, or less if the client hangs up first.
     *
     * @return true when the client is still there
     */
    private static boolean awaitHangUp(Socket s, InputStream in, Duration wait) throws IOException {
        long end = System.nanoTime() + wait.toNanos();
        int timeout = s.getSoTimeout();
        try {
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    return true;
                }
                s.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                try {
                    if (in.read() < 0) {
                        return false;
                    }
                } catch (SocketTimeoutException e) {
                    return true;
                } catch (IOException e) {
                    return false;
                }
            }
        } finally {
            if (!s.isClosed()) {
                s.setSoTimeout(timeout);
            }
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

    private static void write(Socket s, OutputStream out, HttpResponse response)
            throws IOException, InterruptedException {
        if (!response.headerDelay().isZero() && !awaitHangUp(s, s.getInputStream(), response.headerDelay())) {
            return; // the client hung up while the server kept it waiting
        }
        HttpResponse.Wire wire = response.wire();
        if (wire.raw().isPresent()) {
            writeRaw(out, wire);
            return;
        }
        byte[] body = response.bodyUnsafe();
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.statusCode()).append(' ')
                .append(HttpReasons.phrase(response.statusCode())).append("\r\n");
        response.contentType().ifPresent(t -> head.append("Content-Type: ").append(t).append("\r\n"));
        response.headers().forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        if (!response.endless()) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (wire.pieceSize() > 0) {
            writePieces(out, headBytes, headBytes.length, wire.pieceSize());
        } else {
            out.write(headBytes);
            out.flush();
        }
        if (response.endless()) {
            byte[] chunk = endlessChunk(body, response.byteInterval());
            while (!Thread.currentThread().isInterrupted()) {
                writeBody(out, chunk, chunk.length, response.byteInterval(), wire.pieceSize());
            }
            return;
        }
        if (wire.resetAfter().isPresent()) {
            writeBody(out, body, wire.resetAfter().getAsInt(), response.byteInterval(), wire.pieceSize());
            s.setSoLinger(true, 0); // close() now sends a TCP RST
            closeQuietly(s);
            return;
        }
        int limit = response.closeAfter().orElse(body.length); // closing early: the caller closes the socket
        writeBody(out, body, limit, response.byteInterval(), wire.pieceSize());
    }

    private static void writeRaw(OutputStream out, HttpResponse.Wire wire) throws IOException {
        byte[] first = wire.raw().orElseThrow();
        int pieces = wire.pieceSize();
        writePieces(out, first, first.length, pieces > 0 ? pieces : Math.max(first.length, 1));
        if (wire.rawRepeat().isEmpty()) {
            return;
        }
        byte[] unit = wire.rawRepeat().get();
        byte[] batch = unit;
        if (unit.length < BATCH) {
            int copies = BATCH / unit.length;
            batch = new byte[copies * unit.length];
            for (int i = 0; i < copies; i++) {
                System.arraycopy(unit, 0, batch, i * unit.length, unit.length);
            }
        }
        while (!Thread.currentThread().isInterrupted()) {
            writePieces(out, batch, batch.length, pieces > 0 ? pieces : batch.length);
        }
    }

    private static void writePieces(OutputStream out, byte[] bytes, int length, int piece) throws IOException {
        for (int i = 0; i < length; i += piece) {
            out.write(bytes, i, Math.min(piece, length - i));
            out.flush();
        }
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

    private static void writeBody(OutputStream out, byte[] body, int length, Duration interval, int piece)
            throws IOException, InterruptedException {
        if (interval.isZero()) {
            writePieces(out, body, length, piece > 0 ? piece : Math.max(length, 1));
            return;
        }
        for (int i = 0; i < length; i++) {
            out.write(body[i]);
            out.flush();
            sleep(interval);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Counts the bytes the server managed to hand to the socket. */
    private static final class CountingOutput extends FilterOutputStream {
        private final LongAdder counter;

        CountingOutput(OutputStream out, LongAdder counter) {
            super(out);
            this.counter = counter;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            counter.increment();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            counter.add(len);
        }
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    }
}
