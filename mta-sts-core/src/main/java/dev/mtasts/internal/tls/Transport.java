package dev.mtasts.internal.tls;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * A connected byte stream, plain or TLS, with one operation outstanding at a time.
 *
 * <p>Not API: exported only to the library's network modules; may change in any release.
 */
public interface Transport {

    /** Returned by {@link #read()} at the end of the stream. */
    ByteBuffer EOF = ByteBuffer.allocate(0).asReadOnlyBuffer();

    /** @return completes when the stream is ready for application data (TLS: after the handshake) */
    CompletableFuture<Void> handshake();

    /** @param data bytes to send, all of them @return completes when sent */
    CompletableFuture<Void> write(ByteBuffer data);

    /**
     * @return the next application bytes in a buffer ready to be read, valid until the next call, or
     *         {@link #EOF}
     */
    CompletableFuture<ByteBuffer> read();
}
