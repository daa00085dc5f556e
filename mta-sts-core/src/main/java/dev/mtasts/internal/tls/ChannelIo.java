package dev.mtasts.internal.tls;

import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AsynchronousSocketChannel} operations as futures.
 *
 * <p>Not API: exported only to the library's network modules; may change in any release.
 */
public final class ChannelIo {

    private ChannelIo() {
    }

    /**
     * @param channel a connected channel
     * @param into    where to put the bytes
     * @return the number of bytes read, or -1 at the end of the stream
     */
    public static CompletableFuture<Integer> read(AsynchronousSocketChannel channel, ByteBuffer into) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        try {
            channel.read(into, null, handler(done));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /**
     * @param channel a connected channel
     * @param data    the bytes to write, all of them
     * @return completes when every byte is written
     */
    public static CompletableFuture<Void> writeAll(AsynchronousSocketChannel channel, ByteBuffer data) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        writeRest(channel, data, done);
        return done;
    }

    private static void writeRest(AsynchronousSocketChannel channel, ByteBuffer data, CompletableFuture<Void> done) {
        if (!data.hasRemaining()) {
            done.complete(null);
            return;
        }
        CompletableFuture<Integer> step = new CompletableFuture<>();
        try {
            channel.write(data, null, handler(step));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        step.whenComplete((n, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
            } else {
                writeRest(channel, data, done);
            }
        });
    }

    private static <T> CompletionHandler<T, Void> handler(CompletableFuture<T> done) {
        return new CompletionHandler<>() {
            @Override
            public void completed(T result, Void attachment) {
                done.complete(result);
            }

            @Override
            public void failed(Throwable failure, Void attachment) {
                done.completeExceptionally(failure);
            }
        };
    }
}
