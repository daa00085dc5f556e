package dev.mtasts.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Verdict;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.testkit.Deployment;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.MtaStsSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DeploymentsSmokeTest {

    /** The catalogue's descriptions name the verdict and the finding codes each deployment shows: hold them to it. */
    private static void assertMatchesDescription(Deployment d, ValidationReport r) {
        String text = d.description();
        for (Verdict v : Verdict.values()) {
            if (text.matches("(?s).*\\b" + v.name() + "\\b.*")) {
                assertThat(r.verdict()).as(d.domain() + ": " + text).isEqualTo(v);
            }
        }
        java.util.List<FindingCode> named = java.util.Arrays.stream(FindingCode.values())
                .filter(c -> text.matches("(?s).*\\b" + c.name() + "\\b.*")).toList();
        if (text.contains(" or ")) {
            assertThat(named).as(d.domain() + ": " + text).anyMatch(r::has);
        } else {
            assertThat(named).as(d.domain() + ": " + text).allMatch(r::has);
        }
    }

    @Test
    @Timeout(120)
    void everyDeploymentYieldsAReport() {
        try (MtaStsSandbox sandbox = MtaStsSandbox.start()) {
            Deployments.installAll(sandbox);
            Validator validator = sandbox.validatorBuilder().deadline(java.time.Duration.ofSeconds(3)).build();
            for (Deployment d : Deployments.all()) {
                ValidationReport r = validator.validate(d.domain());
                System.out.println("== " + d.domain() + " " + r.verdict() + " atRisk=" + r.atRisk() + " promotion="
                        + r.promotion().status() + " " + r.elapsed().toMillis() + "ms");
                r.layers().forEach(l -> System.out.println("   " + l));
                r.findings().forEach(f -> System.out.println("   " + f.severity() + " " + f.code() + " [" + f.layer()
                        + "] " + f.message()));
                r.remediation().policy().ifPresent(p -> System.out.println("   policy> " + p.replace("\r\n", " | ")));
                r.remediation().stsRecord().ifPresent(p -> System.out.println("   record> " + p));
                assertMatchesDescription(d, r);
            }
        }
    }
}
