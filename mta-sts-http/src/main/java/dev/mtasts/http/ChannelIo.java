package dev.mtasts.http;

import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CompletableFuture;

/** {@link AsynchronousSocketChannel} operations as futures. */
final class ChannelIo {

    private ChannelIo() {
    }

    static CompletableFuture<Integer> read(AsynchronousSocketChannel channel, ByteBuffer into) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        try {
            channel.read(into, null, handler(done));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    static CompletableFuture<Void> writeAll(AsynchronousSocketChannel channel, ByteBuffer data) {
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
