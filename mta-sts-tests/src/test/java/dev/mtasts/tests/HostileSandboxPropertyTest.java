package dev.mtasts.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.Severity;
import dev.mtasts.report.Layer;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.MtaStsSandbox;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever the sandbox answers, {@code validate} returns a coherent report and never throws. */
class HostileSandboxPropertyTest {

    private static MtaStsSandbox sandbox;
    private static Validator validator;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @BeforeContainer
    static void start() {
        sandbox = MtaStsSandbox.start();
        validator = sandbox.validatorBuilder().deadline(Duration.ofSeconds(4)).build();
    }

    @AfterContainer
    static void stop() {
        sandbox.close();
    }

    /** What one hostile domain serves. */
    record Hostile(List<String> sts, List<String> rpt, int status, String contentType, byte[] body, boolean mx) {
    }

    @Provide
    Arbitrary<Hostile> hostile() {
        Arbitrary<String> txt = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange((char) 0x20, (char) 0x7e).ofMaxLength(120),
                Arbitraries.strings().withCharRange((char) 0x01, (char) 0xff).ofMaxLength(60),
                Arbitraries.strings().withChars("v=STSv1;id TLSRPTvru:mailto@,.x").ofMaxLength(40).map(s -> "v=STSv1;" + s),
                Arbitraries.strings().withChars("v=TLSRPTv1;ru:mailto@,.x ").ofMaxLength(40).map(s -> "v=TLSRPTv1;" + s))
                // the testkit's DnsZone reads TXT strings with zone-file escapes, so a backslash cannot be served as is
                .filter(s -> s.indexOf('\\') < 0);
        Arbitrary<byte[]> body = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.strings().withChars("versionmodemx_age:STSv1enforcetesting*.\r\n 0123456789").ofMaxLength(200)
                        .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Arbitraries.strings().ofMaxLength(200).map(s -> ("version: STSv1\nmode: enforce\nmx: " + s
                        + "\nmax_age: 86400\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Arbitrary<String> contentType = Arbitraries.oneOf(Arbitraries.of("text/plain", "text/html", "", ";;;",
                "text/plain; charset=iso-8859-1", "TEXT/PLAIN"),
                Arbitraries.strings().withCharRange((char) 0x21, (char) 0x7e).ofMaxLength(40));
        return Combinators.combine(txt.list().ofMaxSize(3), txt.list().ofMaxSize(3),
                Arbitraries.oneOf(Arbitraries.integers().between(100, 999), Arbitraries.just(200)),
                contentType, body, Arbitraries.of(true, false)).as(Hostile::new);
    }

    @Property(tries = 60)
    void validateAlwaysReturnsACoherentReport(@ForAll("hostile") Hostile h) {
        String name = "h" + COUNTER.incrementAndGet() + ".hostile.test";
        SandboxDomain d = sandbox.domain(name);
        h.sts().forEach(d::stsRecord);
        h.rpt().forEach(d::tlsRpt);
        if (h.mx()) {
            d.mx(10, "mx1." + name);
        }
        HttpResponse response = h.status() == 200 ? HttpResponse.ok(h.contentType().isEmpty() ? "text/plain"
                : h.contentType(), h.body()) : HttpResponse.status(h.status());
        d.policyResponse(h.contentType().isEmpty() ? response.withoutContentType() : response);

        ValidationReport r = validator.validate(name);

        assertThat(r.domain().value()).isEqualTo(name);
        assertThat(r.layers()).hasSize(Layer.values().length);
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(6));
        // the verdict follows the findings
        if (r.verdict() == Verdict.TESTING || r.verdict() == Verdict.ENFORCING || r.verdict() == Verdict.INACTIVE) {
            assertThat(r.policy()).isPresent();
            assertThat(r.stsRecord()).isPresent();
        }
        if (r.verdict() == Verdict.NOT_DEPLOYED) {
            assertThat(r.stsRecord()).isEmpty();
        }
        if (r.atRisk()) {
            assertThat(r.verdict()).isEqualTo(Verdict.ENFORCING);
            assertThat(r.errors()).isNotEmpty();
        }
        if (r.promotion().status() != PromotionStatus.NOT_APPLICABLE) {
            assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
        }
        if (r.promotion().status() == PromotionStatus.READY) {
            assertThat(r.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        }
        r.remediation().policy().ifPresent(text -> dev.mtasts.policy.MtaStsPolicy.parse(text));
        r.remediation().stsRecord().ifPresent(text -> dev.mtasts.record.StsRecord.parse(text));
    }
}
