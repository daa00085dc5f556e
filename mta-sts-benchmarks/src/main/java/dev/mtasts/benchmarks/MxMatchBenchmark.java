package dev.mtasts.benchmarks;

import dev.mtasts.policy.MtaStsPolicy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Cost of matching MX host names against a policy with exact and wildcard patterns. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MxMatchBenchmark {

    private MtaStsPolicy policy;

    @Setup
    public void setUp() {
        policy = MtaStsPolicy.parse("version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: mx2.example.com\n"
                + "mx: *.mail.example.net\nmax_age: 604800\n");
    }

    @Benchmark
    public boolean exactHit() {
        return policy.matches("mx2.example.com");
    }

    @Benchmark
    public boolean wildcardHit() {
        return policy.matches("in1.mail.example.net.");
    }

    @Benchmark
    public boolean miss() {
        return policy.matches("a.b.mail.example.net");
    }
}
