package dev.mtasts.internal.tls;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * TLS over an {@link AsynchronousSocketChannel} with an {@link SSLEngine}: no thread waits on the network.
 * Delegated tasks (certificate checks) run on the calling I/O thread.
 *
 * <p>Not API: exported only to the library's network modules; may change in any release.
 */
public final class TlsTransport implements Transport {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final AsynchronousSocketChannel channel;
    private final SSLEngine engine;
    private ByteBuffer netIn;   // write mode: bytes received, not yet unwrapped, are before position()
    private ByteBuffer appIn;
    private ByteBuffer netOut;

    /**
     * @param channel a connected channel on which nothing has been read that belongs to TLS
     * @param engine  a client engine, before its handshake
     */
    public TlsTransport(AsynchronousSocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.netOut = ByteBuffer.allocate(packet);
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    /** @return the engine */
    public SSLEngine engine() {
        return engine;
    }

    @Override
    public CompletableFuture<Void> handshake() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            engine.beginHandshake();
            handshakeStep(done);
        } catch (SSLException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private void handshakeStep(CompletableFuture<Void> done) {
        try {
            while (true) {
                switch (engine.getHandshakeStatus()) {
                    case NEED_TASK:
                        runTasks();
                        break;
                    case NEED_WRAP:
                        wrapAndSend(EMPTY).whenComplete((v, e) -> continueOrFail(done, e, () -> handshakeStep(done)));
                        return;
                    case NEED_UNWRAP:
                    case NEED_UNWRAP_AGAIN:
                        SSLEngineResult.Status status = unwrap();
                        if (status == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                            receive().whenComplete((n, e) -> {
                                if (e == null && n < 0) {
                                    done.completeExceptionally(
                                            new EOFException("the server closed the connection during the TLS handshake"));
                                } else {
                                    continueOrFail(done, e, () -> handshakeStep(done));
                                }
                            });
                            return;
                        }
                        if (status == SSLEngineResult.Status.CLOSED) {
                            done.completeExceptionally(new SSLException("the server closed TLS during the handshake"));
                            return;
                        }
                        if (status == SSLEngineResult.Status.BUFFER_OVERFLOW) { // application data came early
                            appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                        }
                        break;
                    default: // FINISHED, NOT_HANDSHAKING
                        done.complete(null);
                        return;
                }
            }
        } catch (SSLException | RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    @Override
    public CompletableFuture<Void> write(ByteBuffer data) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        writeStep(data, done);
        return done;
    }

    private void writeStep(ByteBuffer data, CompletableFuture<Void> done) {
        if (!data.hasRemaining()) {
            done.complete(null);
            return;
        }
        try {
            wrapAndSend(data).whenComplete((v, e) -> continueOrFail(done, e, () -> writeStep(data, done)));
        } catch (SSLException | RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    @Override
    public CompletableFuture<ByteBuffer> read() {
        CompletableFuture<ByteBuffer> done = new CompletableFuture<>();
        readStep(done);
        return done;
    }

    /**
     * One read: unwraps every record already buffered (as many as fit in the application buffer) before it
     * delivers, and receives from the network only when nothing is buffered. It loops rather than recursing, so a
     * server that sends thousands of tiny records costs one delivery per network read, not a stack frame per
     * record.
     */
    private void readStep(CompletableFuture<ByteBuffer> done) {
        try {
            while (true) {
                SSLEngineResult.HandshakeStatus handshake = engine.getHandshakeStatus();
                if (handshake == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    runTasks();
                    continue;
                }
                if (handshake == SSLEngineResult.HandshakeStatus.NEED_WRAP) { // post-handshake message, e.g. KeyUpdate
                    wrapAndSend(EMPTY).whenComplete((v, e) -> continueOrFail(done, e, () -> readStep(done)));
                    return;
                }
                appIn.clear();
                SSLEngineResult.Status status = unwrap();
                while (status == SSLEngineResult.Status.OK && netIn.position() > 0 && appIn.hasRemaining()
                        && !handshaking()) {
                    status = unwrap(); // drain the records already received into the same delivery
                }
                if (appIn.position() > 0) {
                    appIn.flip();
                    done.complete(appIn); // data before a close_notify is delivered; CLOSED comes again next read
                    return;
                }
                if (status == SSLEngineResult.Status.CLOSED) {
                    done.complete(EOF);
                    return;
                }
                if (status == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    receive().whenComplete((n, e) -> {
                        if (e == null && n < 0) {
                            done.complete(EOF); // closed without close_notify: HTTP framing decides
                        } else {
                            continueOrFail(done, e, () -> readStep(done));
                        }
                    });
                    return;
                }
            }
        } catch (SSLException | RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private boolean handshaking() {
        SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
        return status != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                && status != SSLEngineResult.HandshakeStatus.FINISHED;
    }

    /**
     * Unwraps one record from netIn into appIn, growing buffers as the engine asks; returns OK, UNDERFLOW, CLOSED,
     * or OVERFLOW when appIn already holds data and has no room for the next record.
     */
    private SSLEngineResult.Status unwrap() throws SSLException {
        while (true) {
            netIn.flip();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, appIn);
            } finally {
                netIn.compact();
            }
            switch (result.getStatus()) {
                case BUFFER_OVERFLOW:
                    if (appIn.position() > 0) {
                        return result.getStatus(); // deliver what is there first; the record waits in netIn
                    }
                    appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                    break;
                case BUFFER_UNDERFLOW:
                    if (netIn.remaining() == 0) {
                        netIn = grow(netIn, engine.getSession().getPacketBufferSize());
                    }
                    return result.getStatus();
                default:
                    return result.getStatus();
            }
        }
    }

    /**
     * Ends TLS politely: sends {@code close_notify}. The caller closes the channel afterwards.
     *
     * @return completes when the alert is sent
     */
    public CompletableFuture<Void> closeOutbound() {
        engine.closeOutbound();
        try {
            netOut.clear();
            engine.wrap(EMPTY, netOut);
            netOut.flip();
            return netOut.hasRemaining() ? ChannelIo.writeAll(channel, netOut) : CompletableFuture.completedFuture(null);
        } catch (SSLException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Void> wrapAndSend(ByteBuffer data) throws SSLException {
        while (true) {
            netOut.clear();
            SSLEngineResult result = engine.wrap(data, netOut);
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                netOut = ByteBuffer.allocate(netOut.capacity() * 2);
                continue;
            }
            netOut.flip();
            if (result.getStatus() == SSLEngineResult.Status.CLOSED && !netOut.hasRemaining()) {
                return CompletableFuture.failedFuture(new SSLException("TLS connection closed"));
            }
            return ChannelIo.writeAll(channel, netOut);
        }
    }

    private CompletableFuture<Integer> receive() {
        return ChannelIo.read(channel, netIn);
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private static ByteBuffer grow(ByteBuffer buffer, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, atLeast));
        buffer.flip();
        bigger.put(buffer);
        return bigger;
    }

    private static void continueOrFail(CompletableFuture<?> done, Throwable failure, Runnable next) {
        if (failure != null) {
            done.completeExceptionally(failure);
        } else {
            next.run();
        }
    }
}
