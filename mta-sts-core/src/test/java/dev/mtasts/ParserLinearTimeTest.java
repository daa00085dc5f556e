package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.policy.PolicyParser;
import dev.mtasts.record.StsRecord;
import dev.mtasts.record.TlsRptRecord;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Linear time on adversarial input (issue 16): a 64 KiB policy body or TXT record made of long runs of dots, colons,
 * semicolons, '=', whitespace or wildcards, one very long line, many lines, many mx lines or one key repeated
 * thousands of times parses in milliseconds, and parsing four times the input costs about four times as much.
 *
 * <p>Three checks per input, none of them a flaky timing assertion:
 * <ol>
 *   <li><b>An absolute bound, deliberately generous:</b> the 64 KiB input parses in under one second of wall time.
 *       A linear parse takes a few milliseconds; the quadratic {@code mx} check of defect 1 took seconds (and then
 *       overflowed the stack), so the bound separates the two by orders of magnitude, even on a loaded CI machine.</li>
 *   <li><b>Scaling, by an operation count:</b> the bytes the parsing thread allocates
 *       ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}), which do not depend on the machine's
 *       speed or load. Linear work allocates about 4x as much for 64 KiB as for 16 KiB; work that copies the rest of
 *       the input once per character (the {@code substring} per dot of defect 1) allocates 16x. The test allows 8x.</li>
 *   <li><b>Scaling, by CPU time, with a wide margin:</b> the thread CPU time of the fastest of five runs at each size
 *       (the minimum drops GC pauses and scheduling noise), and 64 KiB may cost at most 12 times 16 KiB plus 5 ms of
 *       slack for timer resolution on runs of a millisecond or less. Quadratic work costs 16x: scanning the rest of the
 *       body once per line (the unbounded {@code indexOf(':')} of the policy scanner) allocates nothing, so only this
 *       check sees it.</li>
 * </ol>
 */
@Timeout(60)
class ParserLinearTimeTest {

    private static final int SMALL = 16 * 1024;
    private static final int LARGE = PolicyParser.MAX_POLICY_BYTES; // 64 KiB, the most the policy parser reads
    private static final String HEAD = "version: STSv1\nmode: enforce\nmax_age: 86400\n";

    static Stream<Arguments> policies() {
        return Stream.of(
                policy("mx ending in a run of dots", n -> fill(HEAD + "mx: a", ".", n)),
                policy("mx of dots only", n -> fill(HEAD + "mx: ", ".", n)),
                policy("mx of a.a.a. labels", n -> fill(HEAD + "mx: ", "a.", n)),
                policy("mx of wildcards", n -> fill(HEAD + "mx: ", "*.", n)),
                policy("mx with a run of spaces inside", n -> fill(HEAD + "mx: a", " ", n - 1) + "b"),
                policy("mx with a run of no-break spaces", n -> fill(HEAD + "mx: a", "\u00a0", n)),
                policy("mx of commas", n -> fill(HEAD + "mx: ", "a,", n)),
                policy("a line of dots", n -> fill("", ".", n)),
                policy("a line of colons", n -> fill("", ":", n)),
                policy("a field of colons", n -> fill("x-note: ", ":", n)),
                policy("a line of semicolons", n -> fill("", ";", n)),
                policy("a line of '='", n -> fill("", "=", n)),
                policy("a line of spaces", n -> fill("", " ", n)),
                policy("spaces then a field", n -> fill("", " ", n - 10) + "mode: none"),
                policy("a line of wildcards", n -> fill("", "*", n)),
                policy("a field name of 64 KiB", n -> fill("", "a", n - 1) + ":"),
                policy("a very long extension value", n -> fill("x-note: ", "a ", n - 1) + "b"),
                policy("many lines without ':' and one at the end", n -> fill("", "a\n", n - 1) + ":"),
                policy("many blank lines", n -> fill(HEAD, "\n", n)),
                policy("many whitespace-only lines", n -> fill(HEAD, " \t\n", n)),
                policy("many bare CRs", n -> fill(HEAD, "\r", n)),
                policy("many CR CR LF", n -> fill(HEAD, "a\r\r\n", n)),
                policy("many identical mx lines", n -> fill(HEAD, "mx: mx.example.com\n", n)),
                policy("many distinct mx lines", n -> lines(HEAD, i -> "mx: m" + i + ".example.com\n", n)),
                policy("many distinct wildcard mx lines", n -> lines(HEAD, i -> "mx: *.m" + i + ".example\n", n)),
                policy("many distinct extensions", n -> lines(HEAD, i -> "x-" + i + ": " + i + "\n", n)),
                policy("one key repeated", n -> fill(HEAD, "mode: testing\n", n)),
                policy("an extension repeated", n -> fill(HEAD, "x-note: 1\n", n)),
                policy("near-miss names repeated", n -> fill(HEAD, "modee: x\nMX: y\nmax-age: 1\n", n)),
                policy("bad max_age repeated", n -> fill(HEAD, "max_age: 99999999999\n", n)),
                policy("mixed LF and CRLF", n -> fill(HEAD, "x-a: 1\nx-b: 2\r\n", n)),
                policy("unpaired surrogates", n -> fill(HEAD + "x-note: ", "\ud800", n / 3)),
                policy("control characters on many lines", n -> fill(HEAD, "x: \u0000\n", n)));
    }

    static Stream<Arguments> records() {
        return Stream.of(
                record("semicolons", n -> fill("v=STSv1", ";", n)),
                record("spaces and semicolons", n -> fill("v=STSv1", " ;", n)),
                record("trailing spaces", n -> fill("v=STSv1", " ", n)),
                record("tabs", n -> fill("v=TLSRPTv1", "\t", n)),
                record("a run of '='", n -> fill("v=STSv1; a", "=", n)),
                record("a run of dots", n -> fill("v=STSv1; id=", ".", n)),
                record("a run of colons", n -> fill("v=TLSRPTv1; rua=", ":", n)),
                record("a run of wildcards", n -> fill("v=STSv1; ", "*", n)),
                record("one name of 64 KiB", n -> fill("v=STSv1; ", "a", n)),
                record("a long id", n -> fill("v=STSv1; id=", "a", n)),
                record("many extension fields", n -> fill("v=STSv1", "; a=b", n)),
                record("one key repeated", n -> fill("v=STSv1", "; id=1", n)),
                record("rua repeated", n -> fill("v=TLSRPTv1", "; rua=mailto:a@b.c", n)),
                record("rua of many URIs", n -> fill("v=TLSRPTv1; rua=", "mailto:a@b.c,", n - 1) + "x"),
                record("rua of commas", n -> fill("v=TLSRPTv1; rua=", ",", n)),
                record("a long mailto", n -> fill("v=TLSRPTv1; rua=mailto:", "a", n - 4) + "@b.c"),
                record("a mailto of many '@'", n -> fill("v=TLSRPTv1; rua=mailto:", "@", n)),
                record("an https host of many labels", n -> fill("v=TLSRPTv1; rua=https://", "a.", n - 2) + "b/"),
                record("an https host of dots", n -> fill("v=TLSRPTv1; rua=https://", ".", n)),
                record("an https IPv6 literal of colons", n -> fill("v=TLSRPTv1; rua=https://[", ":", n - 2) + "]/"),
                record("an https path of percent signs", n -> fill("v=TLSRPTv1; rua=https://a.example/", "%", n)),
                record("many fields without '='", n -> fill("v=STSv1", "; a", n)));
    }

    @ParameterizedTest(name = "policy: {0}")
    @MethodSource("policies")
    void policyParsesAdversarialInputInLinearTime(String name, IntFunction<String> input) {
        assertLinear(name, input, text -> {
            PolicyParser.lenient().parse(text);
            ParserContract.policy(text);
        });
    }

    @ParameterizedTest(name = "record: {0}")
    @MethodSource("records")
    void recordsParseAdversarialInputInLinearTime(String name, IntFunction<String> input) {
        assertLinear(name, input, text -> {
            ParserContract.stsRecord(text);
            ParserContract.tlsRptRecord(text);
        });
    }

    private static void assertLinear(String name, IntFunction<String> input, java.util.function.Consumer<String> parse) {
        String small = input.apply(SMALL);
        String large = input.apply(LARGE);
        assertThat(large.length()).as("the large input of %s", name).isBetween(LARGE / 4, LARGE);
        assertThat(small.length()).isBetween(SMALL / 4, SMALL);

        parse.accept(small); // warm-up: class loading and the first JIT compilations
        long start = System.nanoTime();
        parse.accept(large);
        Duration first = Duration.ofNanos(System.nanoTime() - start);
        assertThat(first).as("%s: 64 KiB parses in well under a second", name).isLessThan(Duration.ofSeconds(1));

        Meter meter = new Meter();
        long smallBytes = meter.minAllocated(small, parse);
        long largeBytes = meter.minAllocated(large, parse);
        if (smallBytes >= 0) {
            assertThat(largeBytes).as("%s: bytes allocated for 64 KiB (%d) against 16 KiB (%d), linear is about 4x",
                    name, largeBytes, smallBytes).isLessThanOrEqualTo(8 * smallBytes + 64 * 1024);
        }
        long smallCpu = meter.minCpuNanos(small, parse);
        long largeCpu = meter.minCpuNanos(large, parse);
        assertThat(largeCpu).as("%s: CPU time for 64 KiB (%d ns) against 16 KiB (%d ns), linear is about 4x",
                name, largeCpu, smallCpu).isLessThanOrEqualTo(12 * smallCpu + 5_000_000L);
    }

    /** The parsing thread's allocated bytes and CPU time, the minimum over a few runs. */
    private static final class Meter {
        private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        /** @return the fewest bytes one run allocated, or -1 when the JVM cannot count them */
        long minAllocated(String text, java.util.function.Consumer<String> parse) {
            if (!(threads instanceof com.sun.management.ThreadMXBean counting)
                    || !counting.isThreadAllocatedMemorySupported() || !counting.isThreadAllocatedMemoryEnabled()) {
                return -1;
            }
            long min = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long before = counting.getCurrentThreadAllocatedBytes();
                parse.accept(text);
                min = Math.min(min, counting.getCurrentThreadAllocatedBytes() - before);
            }
            return min;
        }

        long minCpuNanos(String text, java.util.function.Consumer<String> parse) {
            boolean cpu = threads.isCurrentThreadCpuTimeSupported();
            long min = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long before = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
                parse.accept(text);
                min = Math.min(min, (cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - before);
            }
            return min;
        }
    }

    private static Arguments policy(String name, IntFunction<String> input) {
        return Arguments.of(name, input);
    }

    private static Arguments record(String name, IntFunction<String> input) {
        return Arguments.of(name, input);
    }

    /**
     * @return {@code head} followed by {@code unit} repeated, cut to at most {@code size} UTF-8 bytes, so that the
     *     policy parser reads it rather than refusing it as too large
     */
    private static String fill(String head, String unit, int size) {
        StringBuilder out = new StringBuilder(size).append(head);
        int bytes = utf8(head);
        int unitBytes = utf8(unit);
        while (bytes + unitBytes <= size) {
            out.append(unit);
            bytes += unitBytes;
        }
        return out.toString();
    }

    /** @return {@code head} followed by lines {@code line(0)}, {@code line(1)}, ... up to {@code size} bytes */
    private static String lines(String head, IntFunction<String> line, int size) {
        StringBuilder out = new StringBuilder(size).append(head);
        for (int i = 0; ; i++) {
            String next = line.apply(i);
            if (out.length() + next.length() > size) { // ASCII lines: characters are bytes
                return out.toString();
            }
            out.append(next);
        }
    }

    private static int utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
