package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Severity;
import dev.mtasts.Validator;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.Deployment;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.MtaStsSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No false alarm on the clean deployments of {@code mta-sts demo}: a deployment is good when its verdict is
 * {@code TESTING} or {@code ENFORCING} with no {@code ERROR}. A good deployment whose description names no finding
 * code (the {@code *.good.test} ones: clean on purpose) carries no {@code WARNING} at all; one that names a code
 * (a testing policy without TLS-RPT, a short {@code max_age}, a wildcard one label short) shows the warning it is
 * there to show, and no {@code INTEROP_RISK}.
 */
class GoodDemoDomainsTest {

    /** The demo's own deadline ({@code DemoCommand.DEADLINE}): a report as {@code mta-sts demo} shows it. */
    private static final Duration DEMO_DEADLINE = Duration.ofSeconds(15);

    private static List<FindingCode> named(Deployment d) {
        return Arrays.stream(FindingCode.values())
                .filter(c -> d.description().matches("(?s).*\\b" + c.name() + "\\b.*")).toList();
    }

    private static boolean good(ValidationReport r) {
        return Set.of(Verdict.TESTING, Verdict.ENFORCING).contains(r.verdict()) && r.errors().isEmpty();
    }

    @Test
    @Timeout(180)
    void theGoodDemoDomainsCarryNoWarningTheirDescriptionDoesNotName() {
        try (MtaStsSandbox sandbox = MtaStsSandbox.start()) {
            List<Deployment> all = Deployments.installAll(sandbox);
            Validator validator = sandbox.validatorBuilder().deadline(DEMO_DEADLINE).build();
            validator.validate(all.get(0).domain()); // a cold JVM's first TLS handshake is not the deployment's time

            List<String> clean = new ArrayList<>();
            List<String> goodWithNamedWarnings = new ArrayList<>();
            for (Deployment d : all) {
                ValidationReport r = validator.validate(d.domain());
                if (!good(r)) {
                    continue;
                }
                List<FindingCode> named = named(d);
                List<Finding> warnings = r.findings().stream().filter(f -> f.severity() == Severity.WARNING).toList();
                String why = d.domain() + ": " + d.description() + "\n" + describe(r);
                if (named.isEmpty()) {
                    assertThat(warnings).as(why).isEmpty();
                    clean.add(d.domain());
                } else {
                    assertThat(warnings).as(why).extracting(Finding::code).contains(named.get(0))
                            .doesNotContain(FindingCode.INTEROP_RISK);
                    goodWithNamedWarnings.add(d.domain());
                }
            }

            assertThat(clean).as("the clean deployments").contains("enforce.good.test", "testing.good.test",
                    "wildcard.good.test");
            assertThat(goodWithNamedWarnings).as("good, with the warning they show on purpose")
                    .contains("no-tlsrpt.test", "short-max-age.test", "deep-mx.test");
        }
    }
}
