package dev.mtasts.tlsrpt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Reading with a cap: never more than the limit plus one buffer is read, nor held in memory. */
final class Bounded {

    private static final int BUFFER = 8192;

    private Bounded() {
    }

    /**
     * @param in    the stream, read to its end or to one byte beyond {@code limit}; not closed
     * @param limit the most bytes accepted
     * @param what  what the bytes are, for the message ("input", "inflated report")
     * @return every byte of the stream
     * @throws LimitExceededException when the stream has more than {@code limit} bytes
     */
    static byte[] readAtMost(InputStream in, long limit, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, 64 * 1024));
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        while (true) {
            long room = limit - total + 1; // one byte beyond the limit tells that there is more
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, room));
            if (n < 0) {
                return out.toByteArray();
            }
            total += n;
            if (total > limit) {
                throw new LimitExceededException(what + " is larger than the limit of " + describe(limit));
            }
            out.write(buffer, 0, n);
        }
    }

    /**
     * @param gzip  gzip data (RFC 1952), one member or several
     * @param limit the most inflated bytes accepted: inflation stops at the first byte beyond it
     * @return the inflated bytes
     * @throws LimitExceededException when they would be more than {@code limit}
     * @throws IOException            when the data is not valid gzip
     */
    static byte[] gunzip(byte[] gzip, long limit) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), BUFFER)) {
            return readAtMost(in, limit, "the inflated report");
        }
    }

    /** @return a byte count for people: {@code 10 MiB}, {@code 512 KiB}, {@code 100 bytes} */
    static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
