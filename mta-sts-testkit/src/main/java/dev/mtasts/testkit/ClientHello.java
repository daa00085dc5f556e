package dev.mtasts.testkit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the first TLS record of a connection (a ClientHello, RFC 8446 §4.1.2) without answering it, and finds the
 * SNI host name in it (RFC 6066 §3): for a server that breaks off the handshake but still records what was asked.
 */
final class ClientHello {

    /** The TLS record type of a handshake message. */
    private static final int HANDSHAKE = 22;

    /** The handshake type of a ClientHello. */
    private static final int CLIENT_HELLO = 1;

    /** The extension type of server_name. */
    private static final int SERVER_NAME = 0;

    private ClientHello() {
    }

    /**
     * Reads one TLS record.
     *
     * @param in the connection's input, just after the {@code 220} to {@code STARTTLS}
     * @return the record's bytes, header included, to hand on to the TLS engine
     * @throws IOException when the connection fails or ends before the record does
     */
    static byte[] readRecord(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[5];
        data.readFully(header);
        int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff); // at most 65535: the field is two bytes
        byte[] record = Arrays.copyOf(header, 5 + length);
        data.readFully(record, 5, length);
        return record;
    }

    /**
     * @param record a TLS record, as {@link #readRecord} read it
     * @return the SNI host name of the ClientHello in it, lower case; empty when there is none, or the record is not
     *         a ClientHello
     */
    static Optional<String> sni(byte[] record) {
        return (record[0] & 0xff) == HANDSHAKE ? sni(ByteBuffer.wrap(record, 5, record.length - 5).slice())
                : Optional.empty();
    }

    private static Optional<String> sni(ByteBuffer hello) {
        try {
            if ((hello.get() & 0xff) != CLIENT_HELLO) {
                return Optional.empty();
            }
            skip(hello, 3 + 2 + 32); // handshake length, legacy version, random
            skip(hello, hello.get() & 0xff); // legacy session id
            skip(hello, hello.getShort() & 0xffff); // cipher suites
            skip(hello, hello.get() & 0xff); // legacy compression methods
            int end = Math.min(hello.limit(), (hello.getShort() & 0xffff) + hello.position());
            while (hello.position() + 4 <= end) {
                int extension = hello.getShort() & 0xffff;
                int size = hello.getShort() & 0xffff;
                if (extension != SERVER_NAME) {
                    skip(hello, size);
                    continue;
                }
                hello.getShort(); // server_name_list length
                if ((hello.get() & 0xff) != 0) { // host_name
                    return Optional.empty();
                }
                byte[] name = new byte[hello.getShort() & 0xffff];
                hello.get(name);
                return Optional.of(new String(name, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT));
            }
            return Optional.empty();
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return Optional.empty(); // a ClientHello split over records, or garbled: no name to record
        }
    }

    private static void skip(ByteBuffer buffer, int bytes) {
        buffer.position(buffer.position() + bytes); // IllegalArgumentException beyond the limit
    }
}
