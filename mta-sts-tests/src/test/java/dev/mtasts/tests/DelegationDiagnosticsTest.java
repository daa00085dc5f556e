package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.blockers;
import static dev.mtasts.tests.E2e.codes;
import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.finding;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Severity;
import dev.mtasts.Validator;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Verdict;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.testkit.DnsZone;
import dev.mtasts.testkit.MtaStsSandbox;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Item 5 of the deep diagnostics, end to end: names delegated by CNAME to a provider zone the sandbox serves
 * (RFC 8461 §8.2), dangling aliases (a takeover risk), a {@code v=STSv1} record at the apex, unrelated records at
 * {@code _mta-sts}, and a policy served while no record announces it.
 */
@Timeout(60)
class DelegationDiagnosticsTest extends SandboxTest {

    private static final String PROVIDER = "provider.deleg.test";

    private static Validator validator;
    private static DnsZone provider;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400)))
                .deadline(Duration.ofSeconds(8)).build();
        provider = sandbox.dnsServer().zone(PROVIDER).a("sts." + PROVIDER, MtaStsSandbox.SERVER_ADDRESS);
    }

    /** An MX host and a TLS-RPT record, nothing of MTA-STS yet. */
    private static SandboxDomain mail(String name) {
        return sandbox.domain(name).mx(10, "mx1." + name).tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name);
    }

    /** Both names delegated to the provider, which serves the record and (by SNI) the policy. */
    private static SandboxDomain delegated(String name) {
        SandboxDomain d = mail(name);
        String label = name.substring(0, name.indexOf('.'));
        d.zone().cname("_mta-sts." + name, label + ".sts." + PROVIDER).cname("mta-sts." + name, "sts." + PROVIDER);
        provider.txt(label + ".sts." + PROVIDER, "v=STSv1; id=" + E2e.ID);
        return d.policy(policy("testing", 86400, "mx1." + name));
    }

    @Test
    void namesDelegatedToAProviderWhoseCertificateCoversThePolicyHostAreShownAndPass() {
        delegated("covered.deleg.test").policyCertificateFor(c -> c, "sts." + PROVIDER, "mta-sts.covered.deleg.test");

        ValidationReport r = validator.validate("covered.deleg.test");

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.TESTING);
        assertThat(r.warnings()).as(describe(r)).isEmpty();
        List<Finding> shown = r.findings(FindingCode.CNAME_DELEGATED);
        assertThat(shown).as(describe(r)).hasSize(2).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(shown).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .contains("_mta-sts.covered.deleg.test → covered.sts.provider.deleg.test",
                        "read the record at covered.sts.provider.deleg.test"))
                .anySatisfy(m -> assertThat(m).contains("mta-sts.covered.deleg.test → sts.provider.deleg.test",
                        "certificate valid for mta-sts.covered.deleg.test"));
    }

    @Test
    void aProviderCertificateForItsOwnNameIsAMismatchThatExplainsTheAlias() {
        delegated("own-name.deleg.test").policyCertificateFor(c -> c, "sts." + PROVIDER);

        ValidationReport r = validator.validate("own-name.deleg.test");

        Finding mismatch = finding(r, FindingCode.POLICY_TLS_HOSTNAME_MISMATCH, Severity.ERROR);
        assertThat(mismatch.message()).contains("names sts.provider.deleg.test",
                "mta-sts.own-name.deleg.test is a CNAME (mta-sts.own-name.deleg.test → sts.provider.deleg.test)",
                "behind an alias senders still check the certificate for mta-sts.own-name.deleg.test");
        assertThat(mismatch.remediation()).contains("provider behind the alias (sts.provider.deleg.test)",
                "a certificate for mta-sts.own-name.deleg.test, not for its own name");
        assertThat(r.findings(FindingCode.CNAME_DELEGATED)).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .contains("certificate for sts.provider.deleg.test, which does not cover mta-sts.own-name.deleg.test"));
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
    }

    @Test
    void aDanglingPolicyHostAliasBehindAnAnnouncedPolicyIsAnError() {
        SandboxDomain d = mail("gone-host.deleg.test").stsRecord("v=STSv1; id=" + E2e.ID);
        d.zone().cname("mta-sts.gone-host.deleg.test", "gone-host.sts." + PROVIDER);

        ValidationReport r = validator.validate("gone-host.deleg.test");

        Finding f = finding(r, FindingCode.CNAME_DANGLING, Severity.ERROR);
        assertThat(f.message()).contains("mta-sts.gone-host.deleg.test → gone-host.sts.provider.deleg.test (NXDOMAIN)",
                "whoever registers or claims gone-host.sts.provider.deleg.test",
                "cannot fetch the policy the _mta-sts record announces");
        assertThat(f.subject()).contains("dns:mta-sts.gone-host.deleg.test CNAME");
        assertThat(codes(r)).as(describe(r)).contains(FindingCode.POLICY_HOST_NOT_FOUND);
    }

    @Test
    void aDanglingRecordAliasIsAWarningWithoutAPolicyAndAnErrorBesideAServedOne() {
        mail("gone-rec.deleg.test").zone().cname("_mta-sts.gone-rec.deleg.test", "gone-rec.sts." + PROVIDER);
        SandboxDomain served = mail("gone-rec2.deleg.test").policy(policy("testing", 86400, "mx1.gone-rec2.deleg.test"));
        served.zone().cname("_mta-sts.gone-rec2.deleg.test", "gone-rec2.sts." + PROVIDER);

        ValidationReport idle = validator.validate("gone-rec.deleg.test");
        ValidationReport withPolicy = validator.validate("gone-rec2.deleg.test");

        Finding warning = finding(idle, FindingCode.CNAME_DANGLING, Severity.WARNING);
        assertThat(warning.message()).contains("_mta-sts.gone-rec.deleg.test → gone-rec.sts.provider.deleg.test"
                + " (NXDOMAIN)", "no mail is affected today");
        assertThat(finding(idle, FindingCode.STS_RECORD_MISSING, Severity.WARNING).message())
                .contains("is a CNAME to gone-rec.sts.provider.deleg.test, which does not exist");
        assertThat(finding(withPolicy, FindingCode.CNAME_DANGLING, Severity.ERROR).message())
                .contains("ignore the valid policy served at https://mta-sts.gone-rec2.deleg.test");
        finding(withPolicy, FindingCode.POLICY_WITHOUT_STS_RECORD, Severity.ERROR);
    }

    @Test
    void aRecordAtTheApexIsNamedWithWhereToPublishIt() {
        SandboxDomain d = mail("apex.deleg.test").policy(policy("testing", 86400, "mx1.apex.deleg.test"));
        d.zone().txt("apex.deleg.test", "v=spf1 mx -all").txt("apex.deleg.test", "v=STSv1; id=" + E2e.ID);
        mail("apex-idle.deleg.test").zone().txt("apex-idle.deleg.test", "v=STSv1; id=" + E2e.ID);

        ValidationReport r = validator.validate("apex.deleg.test");
        ValidationReport idle = validator.validate("apex-idle.deleg.test");

        Finding f = finding(r, FindingCode.STS_RECORD_AT_APEX, Severity.ERROR);
        assertThat(f.message()).contains("'v=STSv1; id=" + E2e.ID + "' is published at apex.deleg.test itself",
                "_mta-sts.apex.deleg.test", "ignore the valid policy");
        assertThat(f.remediation()).isEqualTo("Publish 'v=STSv1; id=" + E2e.ID + "' as a TXT record at"
                + " _mta-sts.apex.deleg.test and delete it from apex.deleg.test.");
        finding(r, FindingCode.POLICY_WITHOUT_STS_RECORD, Severity.ERROR);
        assertThat(finding(idle, FindingCode.STS_RECORD_AT_APEX, Severity.WARNING).message())
                .contains("for them MTA-STS is not deployed");
    }

    @Test
    void theApexIsNotAskedWhenTheRecordIsWhereSendersLook() {
        mail("in-place.deleg.test").stsRecord("v=STSv1; id=" + E2e.ID)
                .policy(policy("testing", 86400, "mx1.in-place.deleg.test"))
                .zone().txt("in-place.deleg.test", "v=STSv1; id=" + E2e.ID);

        ValidationReport r = validator.validate("in-place.deleg.test");

        assertThat(codes(r)).as(describe(r)).isEmpty();
        assertThat(sandbox.dnsServer().queries()).noneMatch(q -> q.name().equals("in-place.deleg.test")
                && q.type().equals("TXT"));
    }

    @Test
    void anSpfRecordBesideTheStsRecordIsAWarningThatBlocksPromotion() {
        mail("spf.deleg.test").stsRecord("v=STSv1; id=" + E2e.ID).stsRecord("v=spf1 -all")
                .policy(policy("testing", 86400, "mx1.spf.deleg.test"));

        ValidationReport r = validator.validate("spf.deleg.test");

        Finding f = finding(r, FindingCode.STS_UNRELATED_RECORD, Severity.WARNING);
        assertThat(f.message()).contains("_mta-sts.spf.deleg.test holds 'v=spf1 -all' beside its v=STSv1 record",
                "an SPF record");
        assertThat(f.remediation()).startsWith("Delete 'v=spf1 -all' from _mta-sts.spf.deleg.test");
        assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
        assertThat(blockers(r)).containsExactly(FindingCode.STS_UNRELATED_RECORD);
    }

    @Test
    void aPolicyServedWhileOnlyAnSpfRecordSitsAtTheStsNameIsIgnoredBySenders() {
        mail("spf-only.deleg.test").stsRecord("v=spf1 -all").policy(policy("enforce", 604800, "mx1.spf-only.deleg.test"));

        ValidationReport r = validator.validate("spf-only.deleg.test");

        assertThat(finding(r, FindingCode.POLICY_WITHOUT_STS_RECORD, Severity.ERROR).message())
                .contains("mode enforce", "no _mta-sts TXT record announces it");
        assertThat(finding(r, FindingCode.STS_UNRELATED_RECORD, Severity.INFO).message())
                .contains("harmless while no v=STSv1 record is published there");
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
    }
}
