package dev.mtasts.benchmarks;

import dev.mtasts.policy.PolicyParseResult;
import dev.mtasts.policy.PolicyParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse time of the lenient policy parser against input size and shape: a real policy, a policy with many
 * {@code mx} lines, and hostile inputs of the same size (one long line, only blank lines, only colons). The time
 * per byte should stay flat as the size grows from 1 KiB to 64 KiB (linear time, no backtracking).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolicyParserBenchmark {

    @Param({"1024", "16384", "65536"})
    public int size;

    @Param({"mx-lines", "one-long-line", "blank-lines", "colons", "extensions"})
    public String shape;

    private String text;

    @Setup
    public void setUp() {
        StringBuilder out = new StringBuilder(size + 64);
        switch (shape) {
            case "mx-lines" -> {
                out.append("version: STSv1\nmode: enforce\nmax_age: 604800\n");
                for (int i = 0; out.length() < size - 40; i++) {
                    out.append("mx: mx").append(i).append(".example.com\n");
                }
            }
            case "one-long-line" -> out.append("x-field: ").append("a".repeat(Math.max(0, size - 20)));
            case "blank-lines" -> out.append("\n".repeat(size));
            case "colons" -> out.append(":".repeat(size));
            case "extensions" -> {
                for (int i = 0; out.length() < size - 40; i++) {
                    out.append("ext").append(i).append(": value with spaces ").append(i).append('\n');
                }
            }
            default -> throw new IllegalArgumentException(shape);
        }
        text = out.substring(0, Math.min(out.length(), size));
    }

    @Benchmark
    public PolicyParseResult parse() {
        return PolicyParser.lenient().parse(text);
    }
}
