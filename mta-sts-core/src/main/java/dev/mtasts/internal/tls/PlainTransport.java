package dev.mtasts.internal.tls;

import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * Plain TCP: the plain-HTTP diagnostic, SMTP before {@code STARTTLS}.
 *
 * <p>Not API: exported only to the library's network modules; may change in any release.
 */
public final class PlainTransport implements Transport {

    private final AsynchronousSocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(16 * 1024);

    /** @param channel a connected channel */
    public PlainTransport(AsynchronousSocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public CompletableFuture<Void> handshake() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> write(ByteBuffer data) {
        return ChannelIo.writeAll(channel, data);
    }

    @Override
    public CompletableFuture<ByteBuffer> read() {
        in.clear();
        return ChannelIo.read(channel, in).thenApply(n -> {
            if (n < 0) {
                return EOF;
            }
            in.flip();
            return in;
        });
    }
}
