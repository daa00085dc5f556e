package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.codes;
import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.finding;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.Severity;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.SandboxDomain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A previous snapshot passed back in: a policy that changed while its id did not. */
@Timeout(30)
class SnapshotTest extends SandboxTest {

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().build();
    }

    private static SandboxDomain domain(String name, String id) {
        return sandbox.domain(name).stsRecord("v=STSv1; id=" + id).mx(10, "mx1." + name).mx(20, "mx2." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name)
                .policy(policy("enforce", 604800, "mx1." + name));
    }

    @Test
    void policyChangedButIdDidNotIsAnError() throws Exception {
        SandboxDomain d = domain("same-id.snap.test", E2e.ID);
        PolicySnapshot before = validator.validate("same-id.snap.test").snapshot().orElseThrow();
        PolicySnapshot stored = PolicySnapshot.parseLine(before.toLine());

        d.policy(policy("enforce", 604800, "mx1.same-id.snap.test", "mx2.same-id.snap.test"));
        ValidationReport after = validator.validate("same-id.snap.test", stored);

        assertThat(finding(after, FindingCode.POLICY_CHANGED_WITHOUT_NEW_ID, Severity.ERROR).message())
                .contains(E2e.ID, before.fetchedAt().toString());
        assertThat(after.verdict()).isEqualTo(Verdict.ENFORCING);
        assertThat(after.remediation().stsRecord()).as("a new id is the fix").isPresent()
                .get().asString().doesNotContain(E2e.ID);
        assertThat(after.snapshot().orElseThrow().policySha256()).isNotEqualTo(before.policySha256());
    }

    @Test
    void policyAndIdChangedTogetherIsFine() {
        SandboxDomain d = domain("new-id.snap.test", E2e.ID);
        PolicySnapshot before = validator.validate("new-id.snap.test").snapshot().orElseThrow();

        d.zone().remove("_mta-sts.new-id.snap.test");
        d.stsRecord("v=STSv1; id=20261201T000000")
                .policy(policy("enforce", 604800, "mx1.new-id.snap.test", "mx2.new-id.snap.test"));
        ValidationReport after = validator.validate("new-id.snap.test", before);

        assertThat(codes(after)).as(describe(after)).containsExactly(FindingCode.STS_ID_CHANGED,
                FindingCode.TLSRPT_SAME_DOMAIN);   // the advice of a same-domain rua in enforce
        assertThat(after.findings().get(0).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void nothingChangedMeansNoFinding() throws Exception {
        domain("same.snap.test", E2e.ID).policy(policy("enforce", 604800, "mx1.same.snap.test", "mx2.same.snap.test"));
        PolicySnapshot before = validator.validate("same.snap.test").snapshot().orElseThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(before);
        }
        PolicySnapshot restored;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            restored = (PolicySnapshot) in.readObject();
        }

        ValidationReport after = validator.validate("same.snap.test", restored);

        assertThat(codes(after)).as(describe(after)).containsExactly(FindingCode.TLSRPT_SAME_DOMAIN);   // the advice of a same-domain rua in enforce
        assertThat(after.snapshot().orElseThrow().policySha256()).isEqualTo(before.policySha256());
    }

    @Test
    void snapshotOfAnotherDomainIsIgnored() {
        domain("one.snap.test", E2e.ID);
        domain("two.snap.test", E2e.ID).policy(policy("enforce", 604800, "mx1.two.snap.test", "mx2.two.snap.test"));
        PolicySnapshot one = validator.validate("one.snap.test").snapshot().orElseThrow();

        ValidationReport two = validator.validate("two.snap.test", one);

        assertThat(codes(two)).doesNotContain(FindingCode.POLICY_CHANGED_WITHOUT_NEW_ID, FindingCode.STS_ID_CHANGED);
    }

    @Test
    void noSnapshotWithoutRecordAndPolicy() {
        sandbox.domain("nothing.snap.test").mx(10, "mx1.nothing.snap.test");

        assertThat(validator.validate("nothing.snap.test").snapshot()).isEmpty();
    }
}
