package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.assertOutcome;
import static dev.mtasts.tests.E2e.blockers;
import static dev.mtasts.tests.E2e.codes;
import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.finding;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.Severity;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.CertificateSpec;
import dev.mtasts.testkit.DnsFault;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.MtaStsSandbox;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Layer 2: fetching {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}, every way it fails. */
@Timeout(30)
class PolicyFetchLayerTest extends SandboxTest {

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400))).deadline(Duration.ofSeconds(5))
                .build();
    }

    /** A domain with a valid record, one MX, TLS-RPT, and (unless the test replaces it) a valid policy in this mode. */
    private static SandboxDomain domain(String name, String mode) {
        return sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name)
                .policy(policy(mode, "enforce".equals(mode) ? 604800 : 86400, "mx1." + name));
    }

    private static void assertBrokenBy(ValidationReport r, FindingCode code) {
        assertOutcome(r, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
        finding(r, code, Severity.ERROR);
        finding(r, FindingCode.STS_RECORD_WITHOUT_POLICY, Severity.ERROR);
        assertThat(r.layer(Layer.POLICY_FETCH).status()).isEqualTo(LayerStatus.FAIL);
        assertThat(r.policy()).isEmpty();
    }

    @Test
    void policyHostThatDoesNotResolve() {
        sandbox.domain("nohost.fetch.test").stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1.nohost.fetch.test");

        ValidationReport r = validator.validate("nohost.fetch.test");

        assertBrokenBy(r, FindingCode.POLICY_HOST_NOT_FOUND);
    }

    @Test
    void policyHostLookupFailureIsNotAbsence() {
        domain("hostfail.fetch.test", "enforce").dnsFault("mta-sts", DnsFault.servfail());

        ValidationReport r = validator.validate("hostfail.fetch.test");

        assertOutcome(r, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(codes(r)).as(describe(r)).doesNotContain(FindingCode.POLICY_HOST_NOT_FOUND);
        assertThat(finding(r, FindingCode.DNS_LOOKUP_FAILED, Severity.ERROR, Layer.POLICY_FETCH).message())
                .contains("mta-sts.hostfail.fetch.test", "SERVFAIL");
        assertThat(r.layer(Layer.DNS_RECORD).status()).as("the TXT record itself is fine").isEqualTo(LayerStatus.PASS);
    }

    @Test
    void connectionRefusedNamesTheAddress() {
        domain("refused.fetch.test", "enforce").policyHostAddress(MtaStsSandbox.DEAD_ADDRESS);

        ValidationReport r = validator.validate("refused.fetch.test");

        assertBrokenBy(r, FindingCode.POLICY_CONNECT_FAILED);
        assertThat(r.findings(FindingCode.POLICY_CONNECT_FAILED).get(0).message()).contains(MtaStsSandbox.DEAD_ADDRESS);
    }

    @Test
    void serverThatNeverAnswersTimesOutWithinTheDeadline() {
        domain("slow.fetch.test", "enforce").policyResponse(HttpResponse.ok("text/plain",
                policy("enforce", 604800, "mx1.slow.fetch.test")).withHeaderDelay(Duration.ofSeconds(20)));
        Validator quick = sandbox.validatorBuilder().deadline(Duration.ofMillis(1500)).build();

        ValidationReport r = quick.validate("slow.fetch.test");

        // the check gave up before the minute senders wait: a warning, and nothing is known about the policy
        assertOutcome(r, Verdict.UNKNOWN, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.POLICY_TIMEOUT, Severity.WARNING).message()).contains("gave up");
        assertThat(r.inconclusive()).isTrue();
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void untrustedSelfSignedCertificate() {
        domain("selfsigned.fetch.test", "enforce").policyCertificate(CertificateSpec::selfSigned);

        ValidationReport r = validator.validate("selfsigned.fetch.test");

        assertBrokenBy(r, FindingCode.POLICY_TLS_UNTRUSTED);
    }

    @Test
    void incompleteChainIsUntrusted() {
        domain("chain.fetch.test", "enforce").policyCertificate(CertificateSpec::incompleteChain);

        ValidationReport r = validator.validate("chain.fetch.test");

        assertBrokenBy(r, FindingCode.POLICY_TLS_UNTRUSTED);
    }

    @Test
    void notYetValidCertificate() {
        domain("future.fetch.test", "enforce").policyCertificate(CertificateSpec::notYetValid);

        ValidationReport r = validator.validate("future.fetch.test");

        assertBrokenBy(r, FindingCode.POLICY_TLS_NOT_YET_VALID);
        assertThat(r.findings(FindingCode.POLICY_TLS_NOT_YET_VALID).get(0).message()).contains("not valid until");
    }

    @Test
    void certificateForAnotherNameNamesTheNamesItHas() {
        domain("wrongname.fetch.test", "enforce")
                .policyCertificateFor(c -> c, "www.wrongname.fetch.test", "wrongname.fetch.test");

        ValidationReport r = validator.validate("wrongname.fetch.test");

        assertBrokenBy(r, FindingCode.POLICY_TLS_HOSTNAME_MISMATCH);
        assertThat(r.findings(FindingCode.POLICY_TLS_HOSTNAME_MISMATCH).get(0).message())
                .contains("www.wrongname.fetch.test", "wrongname.fetch.test");
    }

    @Test
    void certificateExpiringWithinFourteenDaysIsAWarningThatBlocksPromotion() {
        Instant now = Instant.now();
        domain("expiring.fetch.test", "testing")
                .policyCertificate(c -> c.validity(now.minus(Duration.ofDays(80)), now.plus(Duration.ofDays(5))));

        ValidationReport r = validator.validate("expiring.fetch.test");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.NOT_READY);
        assertThat(finding(r, FindingCode.POLICY_CERT_EXPIRING, Severity.WARNING).message()).contains("expires on", "mta-sts.expiring.fetch.test");
        assertThat(blockers(r)).containsExactly(FindingCode.POLICY_CERT_EXPIRING);
    }

    @Test
    void certificateExpiringInAMonthIsFine() {
        Instant now = Instant.now();
        domain("month.fetch.test", "enforce")
                .policyCertificate(c -> c.validity(now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(30))));

        ValidationReport r = validator.validate("month.fetch.test");

        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(codes(r)).as(describe(r)).containsExactly(FindingCode.TLSRPT_SAME_DOMAIN);   // advice, an INFO
    }

    @Test
    void expiringCertificateInEnforceIsNotAnErrorToday() {
        Instant now = Instant.now();
        domain("expiring-enforce.fetch.test", "enforce")
                .policyCertificate(c -> c.validity(now.minus(Duration.ofDays(80)), now.plus(Duration.ofDays(2))));

        ValidationReport r = validator.validate("expiring-enforce.fetch.test");

        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
        finding(r, FindingCode.POLICY_CERT_EXPIRING, Severity.WARNING);
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void statusOtherThan200() {
        domain("status.fetch.test", "enforce").policyResponse(HttpResponse.status(500));

        ValidationReport r = validator.validate("status.fetch.test");

        assertBrokenBy(r, FindingCode.POLICY_HTTP_STATUS);
        assertThat(r.findings(FindingCode.POLICY_HTTP_STATUS).get(0).message()).contains("500");
    }

    @Test
    void status204IsNotAPolicyEither() {
        domain("nocontent.fetch.test", "enforce").policyResponse(HttpResponse.status(204));

        ValidationReport r = validator.validate("nocontent.fetch.test");

        assertBrokenBy(r, FindingCode.POLICY_HTTP_STATUS);
    }

    @Test
    void redirectToTheSameHostIsNotFollowedEither() {
        domain("self-redirect.fetch.test", "enforce").policyResponse(HttpResponse.redirect(302,
                "https://mta-sts.self-redirect.fetch.test/.well-known/mta-sts.txt?x=1"));

        ValidationReport r = validator.validate("self-redirect.fetch.test");

        assertBrokenBy(r, FindingCode.POLICY_REDIRECT);
        assertThat(r.findings(FindingCode.POLICY_REDIRECT).get(0).message()).contains("302", "?x=1");
    }

    @Test
    void missingContentTypeIsAnErrorSoTheDomainIsBroken() {
        domain("notype.fetch.test", "testing").policyResponse(HttpResponse.ok("text/plain",
                policy("testing", 86400, "mx1.notype.fetch.test")).withoutContentType());

        ValidationReport r = validator.validate("notype.fetch.test");

        // senders that follow RFC 8461 §3.2 check the media type and ignore the policy
        assertOutcome(r, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.POLICY_CONTENT_TYPE, Severity.ERROR).message()).contains("no Content-Type");
        assertThat(r.policy()).isEmpty();
    }

    @Test
    void textPlainWithCharsetAndOddCaseIsAccepted() {
        domain("charset.fetch.test", "enforce").policyResponse(HttpResponse.ok("Text/Plain; charset=UTF-8",
                policy("enforce", 604800, "mx1.charset.fetch.test")));

        ValidationReport r = validator.validate("charset.fetch.test");

        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
        // RFC senders accept it; senders that compare the header with "text/plain" do not (InteropMatrixTest);
        // TLSRPT_SAME_DOMAIN is advice, an INFO
        assertThat(codes(r)).as(describe(r)).containsExactlyInAnyOrder(FindingCode.INTEROP_RISK,
                FindingCode.TLSRPT_SAME_DOMAIN);
    }

    @Test
    void validPolicyServedAsJsonIsIgnoredSoTheDomainIsBroken() {
        domain("json.fetch.test", "enforce").policyResponse(HttpResponse.ok("application/json",
                policy("enforce", 604800, "mx1.json.fetch.test")));

        ValidationReport r = validator.validate("json.fetch.test");

        assertOutcome(r, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.POLICY_CONTENT_TYPE, Severity.ERROR).message()).contains("application/json");
    }

    @Test
    void policyOnlyOverHttpIsToldApartFromAPlainFailure() {
        domain("http-only.fetch.test", "enforce").policyCertificate(CertificateSpec::expired)
                .plainHttpResponse(HttpResponse.ok("text/plain", policy("enforce", 604800, "mx1.http-only.fetch.test")));
        domain("https-dead.fetch.test", "enforce").policyCertificate(CertificateSpec::expired);

        ValidationReport httpOnly = validator.validate("http-only.fetch.test");
        ValidationReport dead = validator.validate("https-dead.fetch.test");

        assertBrokenBy(httpOnly, FindingCode.POLICY_TLS_EXPIRED);
        finding(httpOnly, FindingCode.POLICY_HTTP_ONLY, Severity.ERROR);
        assertBrokenBy(dead, FindingCode.POLICY_TLS_EXPIRED);
        assertThat(codes(dead)).doesNotContain(FindingCode.POLICY_HTTP_ONLY);
    }

    @Test
    void policyCutOffMidBodyIsAFetchFailure() {
        String text = policy("enforce", 604800, "mx1.cut.fetch.test");
        domain("cut.fetch.test", "enforce").policyResponse(HttpResponse.ok("text/plain", text).closingAfter(10));

        ValidationReport r = validator.validate("cut.fetch.test");

        assertOutcome(r, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
        finding(r, FindingCode.STS_RECORD_WITHOUT_POLICY, Severity.ERROR);
        assertThat(r.policy()).isEmpty();
    }
}
