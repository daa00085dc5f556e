package dev.mtasts.benchmarks;

import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyParseResult;
import dev.mtasts.policy.PolicyParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Policies per second, on one thread, for the policy a real deployment serves: CRLF lines, two {@code mx}
 * patterns (one a wildcard), {@code enforce}, a week's {@code max_age}. Issue 14's target: at least 1 000 000 a
 * second per core with the strict {@code MtaStsPolicy.parse}; run with {@code -prof gc} for the bytes allocated per
 * parse. The lenient parser and {@code toText()} are measured beside it for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TypicalPolicyBenchmark {

    /** What {@code mta-sts.example.com} typically serves. */
    public static final String TYPICAL = "version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\n"
            + "mx: *.mail.example.net\r\nmax_age: 604800\r\n";

    private final String text = TYPICAL;
    private final MtaStsPolicy parsed = MtaStsPolicy.parse(TYPICAL);

    @Benchmark
    public MtaStsPolicy strictParse() {
        return MtaStsPolicy.parse(text);
    }

    @Benchmark
    public PolicyParseResult lenientParse() {
        return PolicyParser.lenient().parse(text);
    }

    @Benchmark
    public String toText() {
        return parsed.toText();
    }
}
