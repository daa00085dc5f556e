package dev.mtasts.tests;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.testkit.Deployment;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.MtaStsSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DeploymentsSmokeTest {

    @Test
    @Timeout(120)
    void everyDeploymentYieldsAReport() {
        try (MtaStsSandbox sandbox = MtaStsSandbox.start()) {
            Deployments.installAll(sandbox);
            MtaStsValidator validator = sandbox.validatorBuilder().build();
            for (Deployment d : Deployments.all()) {
                ValidationReport r = validator.validate(d.domain());
                System.out.println("== " + d.domain() + " " + r.verdict() + " atRisk=" + r.atRisk() + " promotion="
                        + r.promotion().status() + " " + r.elapsed().toMillis() + "ms");
                r.layers().forEach(l -> System.out.println("   " + l));
                r.findings().forEach(f -> System.out.println("   " + f.severity() + " " + f.code() + " [" + f.layer()
                        + "] " + f.message()));
                r.remediation().policy().ifPresent(p -> System.out.println("   policy> " + p.replace("\r\n", " | ")));
                r.remediation().stsRecord().ifPresent(p -> System.out.println("   record> " + p));
            }
        }
    }
}
