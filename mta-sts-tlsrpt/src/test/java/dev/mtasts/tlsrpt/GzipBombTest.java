package dev.mtasts.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gzip bomb of 100 MB (zeros, about 100 KB compressed) is refused fast, after inflating no more than the limit,
 * alone and as an e-mail attachment.
 */
class GzipBombTest {

    private static final long BOMB_SIZE = 100L * 1000 * 1000;
    private static byte[] bomb;

    @BeforeAll
    static void streamZerosThroughGzip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[64 * 1024];
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            gz.write('{');
            for (long written = 1; written < BOMB_SIZE; written += zeros.length) {
                gz.write(zeros, 0, (int) Math.min(zeros.length, BOMB_SIZE - written));
            }
        }
        bomb = out.toByteArray();
    }

    @Test
    void theBombIsSmallWhenCompressed() {
        assertThat(bomb.length).isLessThan(200 * 1024);
    }

    @Test
    void theDefaultParserRefusesItQuicklyNamingTheLimit() {
        TlsRptParseException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> catchThrowableOfType(
                TlsRptParseException.class, () -> TlsRptReportParser.defaults().parseGzip(bomb, "bomb.json.gz")));

        assertThat(e.getMessage()).isEqualTo("bomb.json.gz: the inflated report is larger than the limit of 16 MiB"
                + " (a gzip bomb, or a report too large for this parser)");
    }

    @Test
    void inflationStopsAtTheLimitSoMemoryStaysBounded() {
        TlsRptReportParser parser = TlsRptReportParser.builder().maxInflatedBytes(1024 * 1024).build();
        long before = allocatedBytes();

        TlsRptParseException e = catchThrowableOfType(TlsRptParseException.class,
                () -> parser.parseGzip(bomb, "bomb.json.gz"));

        long allocated = allocatedBytes() - before;
        assertThat(e.reason()).contains("limit of 1 MiB");
        assertThat(allocated).as("bytes allocated while refusing the bomb").isLessThan(16L * 1024 * 1024);
    }

    @Test
    void theBombAsAnEmailAttachmentIsRefusedToo() {
        byte[] mail = Samples.email("application/tlsrpt+gzip", "bomb.json.gz", bomb);

        TlsRptParseException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> catchThrowableOfType(
                TlsRptParseException.class, () -> TlsRptReportParser.defaults().parse(mail, "bomb.eml")));

        assertThat(e.source()).isEqualTo("bomb.eml > bomb.json.gz");
        assertThat(e.reason()).contains("larger than the limit of 16 MiB");
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
