package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.assertOutcome;
import static dev.mtasts.tests.E2e.blockers;
import static dev.mtasts.tests.E2e.codes;
import static dev.mtasts.tests.E2e.finding;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Severity;
import dev.mtasts.Validator;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.report.DaneStatus;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.IssuedCertificate;
import dev.mtasts.testkit.MtaStsSandbox;
import dev.mtasts.testkit.SandboxDomain;
import dev.mtasts.testkit.SmtpBehaviour;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Layer 4 on the wire, end to end: the sandbox's SMTP servers on loopback, probed by the real {@code StartTlsProbe}
 * (found with ServiceLoader from mta-sts-smtp), TLSA records from the sandbox's DNS server, and the verdict,
 * {@code atRisk} and promotion each result leads to.
 */
@Timeout(60)
class MxProbeLayerTest extends SandboxTest {

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().deadline(Duration.ofSeconds(8)).build();
        assertThat(validator.mxProbe()).as("mta-sts-smtp's probe is on the test class path").isPresent();
    }

    /** A deployment whose policy lists every host given, each an MX of the domain. */
    private static SandboxDomain deployed(String name, String mode, String... mx) {
        SandboxDomain d = sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name).policy(policy(mode, 604800, mx));
        for (int i = 0; i < mx.length; i++) {
            d.mx(10 * (i + 1), mx[i]);
        }
        return d;
    }

    private static MxProbe probe(ValidationReport r, String host) {
        return r.mxHosts().stream().filter(h -> h.host().value().equals(host)).findFirst()
                .flatMap(MxHostResult::probe).orElseThrow(() -> new AssertionError("no probe of " + host));
    }

    private static String spkiSha256(IssuedCertificate certificate) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(certificate.certificate().getPublicKey().getEncoded()));
    }

    @Test
    void everyMxGoodGivesNoTransportFindingAndPromotionSaysSo() {
        deployed("good.probe.test", "testing", "mx1.good.probe.test", "mx2.good.probe.test");

        ValidationReport r = validator.validate("good.probe.test");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.READY);
        assertThat(r.findings()).filteredOn(f -> f.layer() == Layer.MX_COVERAGE).isEmpty();
        assertThat(r.promotion().advice()).contains("Every MX host offers STARTTLS");
        AddressProbe a = probe(r, "mx1.good.probe.test").addresses().get(0);
        assertThat(a.outcome()).isEqualTo(ProbeOutcome.STARTTLS_OK);
        assertThat(a.tlsVersion()).hasValueSatisfying(v -> assertThat(v).isIn("TLSv1.2", "TLSv1.3"));
        assertThat(a.extensions()).contains("STARTTLS");
        assertThat(a.leaf().orElseThrow().dnsNames()).contains("mx1.good.probe.test");
        assertThat(r.mxHosts().get(0).dane()).map(d -> d.status()).contains(DaneStatus.NONE);
    }

    @Test
    void anMxWithoutStartTlsIsAnErrorInEnforceAndABlockerInTesting() {
        deployed("nostarttls.probe.test", "enforce", "mx1.nostarttls.probe.test", "mx2.nostarttls.probe.test")
                .mxBehaviour("mx2.nostarttls.probe.test", SmtpBehaviour::withoutStartTls);
        deployed("nostarttls-testing.probe.test", "testing", "mx1.nostarttls-testing.probe.test")
                .mxBehaviour("mx1.nostarttls-testing.probe.test", SmtpBehaviour::withoutStartTls);

        ValidationReport enforce = validator.validate("nostarttls.probe.test");
        ValidationReport testing = validator.validate("nostarttls-testing.probe.test");

        assertOutcome(enforce, Verdict.ENFORCING, true, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(enforce, FindingCode.MX_STARTTLS_MISSING, Severity.ERROR).message())
                .contains("mx2.nostarttls.probe.test").doesNotContain("mx1.");
        assertThat(probe(enforce, "mx1.nostarttls.probe.test").outcome()).isEqualTo(ProbeOutcome.STARTTLS_OK);
        assertOutcome(testing, Verdict.TESTING, false, PromotionStatus.NOT_READY);
        assertThat(blockers(testing)).contains(FindingCode.MX_STARTTLS_MISSING);
    }

    @Test
    void aCertificateForAnotherNameIsNamedWithTheNamesItCarries() {
        deployed("wrongname.probe.test", "enforce", "mx1.wrongname.probe.test")
                .mxCertificateFor("mx1.wrongname.probe.test", c -> c, "mail.elsewhere.test");

        ValidationReport r = validator.validate("wrongname.probe.test");

        assertOutcome(r, Verdict.ENFORCING, true, PromotionStatus.NOT_APPLICABLE);
        Finding f = finding(r, FindingCode.MX_CERT_HOSTNAME_MISMATCH, Severity.ERROR);
        assertThat(f.message()).contains("mail.elsewhere.test", "mx1.wrongname.probe.test");
        assertThat(f.remediation()).contains("'mx1.wrongname.probe.test'");
        assertThat(probe(r, "mx1.wrongname.probe.test").addresses().get(0).tlsFailure())
                .contains(TlsFailureCategory.HOSTNAME_MISMATCH);
    }

    @Test
    void aWildcardCertificateCoversOneLabelOnly() {
        deployed("wild.probe.test", "enforce", "mx1.wild.probe.test", "a.mx1.wild.probe.test")
                .mxCertificateFor("mx1.wild.probe.test", c -> c, "*.wild.probe.test")
                .mxCertificateFor("a.mx1.wild.probe.test", c -> c, "*.wild.probe.test");

        ValidationReport r = validator.validate("wild.probe.test");

        assertThat(probe(r, "mx1.wild.probe.test").outcome()).isEqualTo(ProbeOutcome.STARTTLS_OK);
        assertThat(probe(r, "a.mx1.wild.probe.test").addresses().get(0).tlsFailure())
                .contains(TlsFailureCategory.HOSTNAME_MISMATCH);
        assertThat(finding(r, FindingCode.MX_CERT_HOSTNAME_MISMATCH, Severity.ERROR).message())
                .contains("a.mx1.wild.probe.test", "*.wild.probe.test");
    }

    @Test
    void anExpiredMxCertificateIsAnErrorInEnforce() {
        deployed("expired.probe.test", "enforce", "mx1.expired.probe.test")
                .mxCertificate("mx1.expired.probe.test", c -> c.expired());

        ValidationReport r = validator.validate("expired.probe.test");

        assertOutcome(r, Verdict.ENFORCING, true, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.MX_CERT_EXPIRED, Severity.ERROR).message())
                .contains("mx1.expired.probe.test");
    }

    @Test
    void aCertificateExpiringWithinFourteenDaysOrWithinMaxAgeIsAWarning() {
        java.time.Instant now = java.time.Instant.now();
        sandbox.domain("soon.probe.test").stsRecord("v=STSv1; id=" + E2e.ID).tlsRpt("v=TLSRPTv1; rua=mailto:t@soon.probe.test")
                .policy(policy("enforce", 604800, "mx1.soon.probe.test")).mx(10, "mx1.soon.probe.test")
                .mxCertificate("mx1.soon.probe.test", c -> c.validity(now.minusSeconds(86400), now.plus(Duration.ofDays(10))));
        sandbox.domain("later.probe.test").stsRecord("v=STSv1; id=" + E2e.ID).tlsRpt("v=TLSRPTv1; rua=mailto:t@later.probe.test")
                .policy(policy("enforce", 604800, "mx1.later.probe.test")).mx(10, "mx1.later.probe.test")
                .mxCertificate("mx1.later.probe.test", c -> c.validity(now.minusSeconds(86400), now.plus(Duration.ofDays(20))));
        sandbox.domain("cached.probe.test").stsRecord("v=STSv1; id=" + E2e.ID).tlsRpt("v=TLSRPTv1; rua=mailto:t@cached.probe.test")
                .policy(policy("enforce", 2592000, "mx1.cached.probe.test")).mx(10, "mx1.cached.probe.test")
                .mxCertificate("mx1.cached.probe.test", c -> c.validity(now.minusSeconds(86400), now.plus(Duration.ofDays(20))));

        ValidationReport soon = validator.validate("soon.probe.test");
        ValidationReport later = validator.validate("later.probe.test");
        ValidationReport cached = validator.validate("cached.probe.test");

        assertThat(finding(soon, FindingCode.MX_CERT_EXPIRING, Severity.WARNING).message())
                .contains("mx1.soon.probe.test", "in 9 days");
        assertThat(codes(later)).doesNotContain(FindingCode.MX_CERT_EXPIRING);
        assertThat(finding(cached, FindingCode.MX_CERT_EXPIRING, Severity.WARNING).message())
                .contains("max_age of 2592000 seconds");
    }

    @Test
    void anUntrustedMxCertificateIsCategorised() {
        deployed("selfsigned.probe.test", "testing", "mx1.selfsigned.probe.test")
                .mxCertificate("mx1.selfsigned.probe.test", c -> c.selfSigned());

        ValidationReport r = validator.validate("selfsigned.probe.test");

        assertThat(finding(r, FindingCode.MX_CERT_UNTRUSTED, Severity.WARNING).message())
                .contains("mx1.selfsigned.probe.test");
        assertThat(blockers(r)).contains(FindingCode.MX_CERT_UNTRUSTED);
    }

    @Test
    void aDualStackMxWhoseIpv6AddressServesTheWrongCertificateFailsIpv6SendersOnly() {
        String mx = "mx1.dualstack.probe.test";
        IssuedCertificate wrong = sandbox.authority().issue("mail.elsewhere.test");
        deployed("dualstack.probe.test", "enforce", mx)
                .mxAddress(mx, "::1", SmtpBehaviour.healthy().withHostName(mx).withCertificate(wrong));

        ValidationReport r = validator.validate("dualstack.probe.test");

        MxProbe p = probe(r, mx);
        assertThat(p.addresses()).hasSize(2);
        assertThat(p.outcome()).isEqualTo(ProbeOutcome.TLS_FAILED);
        assertThat(p.differing()).singleElement().satisfies(a -> assertThat(a.isIpv6()).isTrue());
        Finding f = finding(r, FindingCode.MX_CERT_HOSTNAME_MISMATCH, Severity.ERROR);
        assertThat(f.message()).contains("only", "IPv6", "mail.elsewhere.test");
        assertThat(r.atRisk()).isTrue();
    }

    @Test
    void nothingListeningIsReportedAsNotProbedNeverAsBroken() {
        String mx = "mx1.dead.probe.test";
        SandboxDomain d = deployed("dead.probe.test", "enforce", mx).mxNoAddress(mx);
        d.zone().a(mx, MtaStsSandbox.DEAD_ADDRESS);

        ValidationReport r = validator.validate("dead.probe.test");

        assertThat(finding(r, FindingCode.MX_NOT_PROBED, Severity.WARNING).message())
                .contains(mx, MtaStsSandbox.DEAD_ADDRESS);
        assertThat(finding(r, FindingCode.MX_PROBE_BLOCKED, Severity.WARNING).message()).contains("port 25");
        assertThat(r.errors()).isEmpty();
        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
    }

    @Test
    void anMxHostWithoutAddressIsFoundEvenWithoutAProbe() {
        deployed("noaddress.probe.test", "testing", "mx1.noaddress.probe.test", "mx2.noaddress.probe.test")
                .mxNoAddress("mx2.noaddress.probe.test");

        ValidationReport r = sandbox.validatorBuilder().noMxProbe().build().validate("noaddress.probe.test");

        assertThat(finding(r, FindingCode.MX_HOST_NO_ADDRESS, Severity.WARNING).message())
                .contains("mx2.noaddress.probe.test");
        assertThat(r.mxHosts()).allSatisfy(h -> assertThat(h.probe()).isEmpty());
        assertThat(r.promotion().advice()).contains("not probed");
    }

    @Test
    void aGreetingRejectionAndAStallAreWarningsThatNameTheHost() {
        deployed("greeting.probe.test", "testing", "mx1.greeting.probe.test", "mx2.greeting.probe.test")
                .mxBehaviour("mx1.greeting.probe.test", b -> b.withGreeting(554, "5.7.1 no service for you"))
                .mxBehaviour("mx2.greeting.probe.test", b -> b.withGreetingDelay(Duration.ofSeconds(60)));

        ValidationReport r = sandbox.validatorBuilder().mxProbe(sandbox.mxProbe().orElseThrow())
                .deadline(Duration.ofSeconds(4)).build().validate("greeting.probe.test");

        assertThat(finding(r, FindingCode.MX_GREETING_REJECTED, Severity.WARNING).message())
                .contains("mx1.greeting.probe.test", "554");
        assertThat(codes(r)).contains(FindingCode.MX_PROBE_TIMEOUT);
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void daneValidMismatchInsecureAndARolloverPair() throws Exception {
        IssuedCertificate current = sandbox.authority().issue("mx1.dane-ok.probe.test");
        IssuedCertificate next = sandbox.authority().issue("mx1.dane-ok.probe.test");
        deployed("dane-ok.probe.test", "enforce", "mx1.dane-ok.probe.test")
                .mxBehaviour("mx1.dane-ok.probe.test", b -> b.withCertificate(current))
                .zone().tlsa("_25._tcp.mx1.dane-ok.probe.test", "3 1 1 " + spkiSha256(current),
                        "3 1 1 " + spkiSha256(next)).signed("_25._tcp.mx1.dane-ok.probe.test");
        IssuedCertificate served = sandbox.authority().issue("mx1.dane-bad.probe.test");
        deployed("dane-bad.probe.test", "testing", "mx1.dane-bad.probe.test")
                .mxBehaviour("mx1.dane-bad.probe.test", b -> b.withCertificate(served))
                .zone().tlsa("_25._tcp.mx1.dane-bad.probe.test", "3 1 1 " + spkiSha256(next))
                .signed("_25._tcp.mx1.dane-bad.probe.test");
        deployed("dane-unsigned.probe.test", "testing", "mx1.dane-unsigned.probe.test")
                .zone().tlsa("_25._tcp.mx1.dane-unsigned.probe.test", "3 1 1 " + spkiSha256(next));
        IssuedCertificate ta = sandbox.authority().issue("mx1.dane-ta.probe.test");
        deployed("dane-ta.probe.test", "testing", "mx1.dane-ta.probe.test")
                .mxBehaviour("mx1.dane-ta.probe.test", b -> b.withCertificate(ta))
                .zone().tlsa("_25._tcp.mx1.dane-ta.probe.test", "2 0 1 " + HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(ta.chain().get(1).getEncoded())))
                .signed("_25._tcp.mx1.dane-ta.probe.test");

        ValidationReport ok = validator.validate("dane-ok.probe.test");
        ValidationReport bad = validator.validate("dane-bad.probe.test");
        ValidationReport unsigned = validator.validate("dane-unsigned.probe.test");
        ValidationReport trustAnchor = validator.validate("dane-ta.probe.test");

        assertThat(ok.mxHosts().get(0).dane()).hasValueSatisfying(d -> {
            assertThat(d.status()).isEqualTo(DaneStatus.VALID);
            assertThat(d.rolloverReady()).isTrue();
            assertThat(d.matched()).hasSize(1);
        });
        assertThat(finding(ok, FindingCode.DANE_VALID, Severity.INFO).message()).contains("rollover");
        assertOutcome(ok, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);

        assertThat(bad.mxHosts().get(0).dane()).map(d -> d.status()).contains(DaneStatus.MISMATCH);
        Finding mismatch = finding(bad, FindingCode.DANE_MISMATCH, Severity.ERROR);
        assertThat(mismatch.remediation()).contains("_25._tcp.mx1.dane-bad.probe.test. IN TLSA 3 1 1 "
                + spkiSha256(served));
        assertOutcome(bad, Verdict.TESTING, true, PromotionStatus.NOT_READY);

        assertThat(unsigned.mxHosts().get(0).dane()).map(d -> d.status()).contains(DaneStatus.INSECURE);
        finding(unsigned, FindingCode.DANE_INSECURE, Severity.WARNING);

        assertThat(trustAnchor.mxHosts().get(0).dane()).map(d -> d.status()).contains(DaneStatus.VALID);
    }
}
