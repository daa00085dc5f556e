package dev.mtasts.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserTest {

    private static ResponseParser.Result feedBytewise(ResponseParser parser, String text) {
        ResponseParser.Result result = ResponseParser.Result.NEED_MORE;
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            result = parser.feed(ByteBuffer.wrap(new byte[] {b}));
            if (result != ResponseParser.Result.NEED_MORE) {
                break;
            }
        }
        return result;
    }

    @Test
    void chunkedBodyIsDecoded() {
        ResponseParser parser = new ResponseParser(1024, 100);
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n";

        assertThat(feedBytewise(parser, response)).isEqualTo(ResponseParser.Result.COMPLETE);
        assertThat(new String(parser.body(), StandardCharsets.US_ASCII)).isEqualTo("hello, world");
    }

    @Test
    void chunkedBodyOverTheCapIsTooLarge() {
        ResponseParser parser = new ResponseParser(1024, 8);
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n";

        assertThat(feedBytewise(parser, response)).isEqualTo(ResponseParser.Result.TOO_LARGE);
        assertThat(parser.body()).hasSize(8);
    }

    @Test
    void announcedLengthOverTheCapIsTooLargeBeforeAnyBodyByte() {
        ResponseParser parser = new ResponseParser(1024, 8);

        assertThat(feedBytewise(parser, "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n"))
                .isEqualTo(ResponseParser.Result.TOO_LARGE);
    }

    @Test
    void bodyWithoutLengthEndsWithTheConnection() {
        ResponseParser parser = new ResponseParser(1024, 100);
        assertThat(feedBytewise(parser, "HTTP/1.0 200 OK\nContent-Type: text/plain\n\nversion: STSv1\n"))
                .isEqualTo(ResponseParser.Result.NEED_MORE);

        assertThat(parser.endOfStream()).isEqualTo(ResponseParser.Result.COMPLETE);
        assertThat(new String(parser.body(), StandardCharsets.US_ASCII)).isEqualTo("version: STSv1\n");
    }

    @Test
    void interimResponseIsSkipped() {
        ResponseParser parser = new ResponseParser(1024, 100);

        assertThat(feedBytewise(parser, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\n\r\n"))
                .isEqualTo(ResponseParser.Result.COMPLETE);
        assertThat(parser.status()).isEqualTo(404);
    }

    @Test
    void garbageIsMalformed() {
        ResponseParser parser = new ResponseParser(1024, 100);

        assertThat(feedBytewise(parser, "SSH-2.0-OpenSSH_9.2\r\n\r\n")).isEqualTo(ResponseParser.Result.MALFORMED);
        assertThat(parser.problem()).contains("status line").contains("SSH-2.0");
    }

    @Test
    void endlessHeadIsMalformedAtTheLimit() {
        ResponseParser parser = new ResponseParser(64, 100);

        assertThat(feedBytewise(parser, "HTTP/1.1 200 OK\r\n" + "X-A: b\r\n".repeat(20)))
                .isEqualTo(ResponseParser.Result.MALFORMED);
        assertThat(parser.problem()).contains("64 bytes");
    }

    @Test
    void conflictingContentLengthsAreMalformed() {
        ResponseParser parser = new ResponseParser(1024, 100);

        assertThat(feedBytewise(parser, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"))
                .isEqualTo(ResponseParser.Result.MALFORMED);
    }

    @Test
    void emptyResponseIsMalformed() {
        assertThat(new ResponseParser(1024, 100).endOfStream()).isEqualTo(ResponseParser.Result.MALFORMED);
    }

    @Test
    void headerWithoutColonIsMalformed() {
        assertThat(feedBytewise(new ResponseParser(1024, 100), "HTTP/1.1 200 OK\r\nbroken header\r\n\r\n"))
                .isEqualTo(ResponseParser.Result.MALFORMED);
    }
}
