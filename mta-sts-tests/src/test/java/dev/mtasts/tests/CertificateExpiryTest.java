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
import dev.mtasts.report.ValidationReport;
import dev.mtasts.testkit.CertificateSpec;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15, item 9: a certificate about to expire, of the policy host and (with the probe) of each MX host, is a
 * {@code WARNING} when it stays valid for less than 14 days or less than the policy's {@code max_age}, whichever is
 * longer, naming the date (UTC, ISO 8601) and the days left. End to end: sandbox certificates with short validity.
 */
@Timeout(60)
class CertificateExpiryTest extends SandboxTest {

    private static final long ONE_WEEK = 604_800;
    private static final long THIRTY_DAYS = 2_592_000;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400)))
                .deadline(Duration.ofSeconds(8)).build();
        assertThat(validator.mxProbe()).as("mta-sts-smtp's probe is on the test class path").isPresent();
    }

    /** A working deployment with this mode and max_age. */
    private static SandboxDomain deployed(String name, String mode, long maxAge) {
        return sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name).policy(policy(mode, maxAge, "mx1." + name));
    }

    /** @return the end of a validity that started a while ago and ends this many days from now, whole seconds */
    private static Instant inDays(long days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static UnaryOperator<CertificateSpec> until(Instant notAfter) {
        return c -> c.validity(notAfter.minus(Duration.ofDays(80)), notAfter);
    }

    @Test
    void policyHostCertificateWithTenDaysLeftIsAWarningNamingTheDate() {
        Instant notAfter = inDays(10);
        deployed("ten.policy.expiry.test", "testing", ONE_WEEK).policyCertificate(until(notAfter));

        ValidationReport r = validator.validate("ten.policy.expiry.test");

        Finding f = finding(r, FindingCode.POLICY_CERT_EXPIRING, Severity.WARNING);
        assertThat(f.message()).contains("mta-sts.ten.policy.expiry.test", "expires on " + DATE.format(notAfter)
                + " (UTC), in 9 days", "within 14 days");
        assertThat(f.remediation()).contains("before " + DATE.format(notAfter));
        assertThat(blockers(r)).containsExactly(FindingCode.POLICY_CERT_EXPIRING);
    }

    @Test
    void policyHostCertificateWithTwentyDaysLeftAndAOneWeekMaxAgeIsFine() {
        deployed("twenty.policy.expiry.test", "enforce", ONE_WEEK).policyCertificate(until(inDays(20)));

        ValidationReport r = validator.validate("twenty.policy.expiry.test");

        assertThat(codes(r)).as(describe(r)).doesNotContain(FindingCode.POLICY_CERT_EXPIRING);
        assertThat(r.errors()).as(describe(r)).isEmpty();
    }

    @Test
    void policyHostCertificateWithTwentyDaysLeftAndAThirtyDayMaxAgeIsAWarning() {
        Instant notAfter = inDays(20);
        deployed("cached.policy.expiry.test", "enforce", THIRTY_DAYS).policyCertificate(until(notAfter));

        ValidationReport r = validator.validate("cached.policy.expiry.test");

        Finding f = finding(r, FindingCode.POLICY_CERT_EXPIRING, Severity.WARNING);
        assertThat(f.message()).contains("expires on " + DATE.format(notAfter) + " (UTC), in 19 days",
                "within the policy's max_age of 2592000 seconds (30 days)", "refresh a cached one");
        assertThat(f.remediation()).contains("longer than the policy's max_age (30 days)", "or lower max_age");
        assertThat(r.errors()).as(describe(r)).isEmpty();
    }

    @Test
    void aPolicyServedAsAnotherTypeIsNotAPolicySendersCacheSoItsMaxAgeDoesNotCount() {
        // not text/plain: senders ignore the policy (an ERROR of its own); the 14-day minimum alone applies
        deployed("html.policy.expiry.test", "enforce", THIRTY_DAYS).policyCertificate(until(inDays(20)))
                .policyResponse(dev.mtasts.testkit.HttpResponse.ok("text/html",
                        policy("enforce", THIRTY_DAYS, "mx1.html.policy.expiry.test")));

        ValidationReport r = validator.validate("html.policy.expiry.test");

        assertThat(codes(r)).as(describe(r)).contains(FindingCode.POLICY_CONTENT_TYPE)
                .doesNotContain(FindingCode.POLICY_CERT_EXPIRING);
    }

    @Test
    void aCertificateAboutToExpireAtAnotherAddressOfThePolicyHostIsNamedWithTheAddress() {
        Instant notAfter = inDays(10);
        deployed("edge.policy.expiry.test", "enforce", ONE_WEEK).policyCertificateAt("127.0.0.2", until(notAfter));

        ValidationReport r = validator.validate("edge.policy.expiry.test");

        assertThat(finding(r, FindingCode.POLICY_CERT_EXPIRING, Severity.WARNING).message())
                .contains("mta-sts.edge.policy.expiry.test (at 127.0.0.2) expires on " + DATE.format(notAfter));
        assertThat(finding(r, FindingCode.POLICY_ADDRESSES_DIFFER, Severity.INFO).message())
                .contains("(expires " + DATE.format(notAfter) + ")");
    }

    @Test
    void mxCertificateWithTenDaysLeftIsAWarningNamingTheDate() {
        Instant notAfter = inDays(10);
        deployed("ten.mx.expiry.test", "enforce", ONE_WEEK).mxCertificate("mx1.ten.mx.expiry.test", until(notAfter));

        ValidationReport r = validator.validate("ten.mx.expiry.test");

        Finding f = finding(r, FindingCode.MX_CERT_EXPIRING, Severity.WARNING);
        assertThat(f.message()).contains("MX host mx1.ten.mx.expiry.test (at 127.", "expires on "
                + DATE.format(notAfter) + " (UTC), in 9 days", "within 14 days");
        assertThat(f.remediation()).contains("before " + DATE.format(notAfter));
        assertThat(r.errors()).as(describe(r)).isEmpty();
    }

    @Test
    void mxCertificateWithTwentyDaysLeftAndAOneWeekMaxAgeIsFine() {
        deployed("twenty.mx.expiry.test", "enforce", ONE_WEEK).mxCertificate("mx1.twenty.mx.expiry.test",
                until(inDays(20)));

        ValidationReport r = validator.validate("twenty.mx.expiry.test");

        assertThat(codes(r)).as(describe(r)).doesNotContain(FindingCode.MX_CERT_EXPIRING);
    }

    @Test
    void mxCertificateWithTwentyDaysLeftAndAThirtyDayMaxAgeIsAWarning() {
        Instant notAfter = inDays(20);
        deployed("cached.mx.expiry.test", "enforce", THIRTY_DAYS).mxCertificate("mx1.cached.mx.expiry.test",
                until(notAfter));

        ValidationReport r = validator.validate("cached.mx.expiry.test");

        Finding f = finding(r, FindingCode.MX_CERT_EXPIRING, Severity.WARNING);
        assertThat(f.message()).contains("expires on " + DATE.format(notAfter) + " (UTC), in 19 days",
                "within the policy's max_age of 2592000 seconds (30 days)", "a policy cached now is kept until "
                        + DATE.format(r.checkedAt().plus(Duration.ofDays(30))));
        assertThat(r.errors()).as(describe(r)).isEmpty();
    }

    @Test
    void aModeNonePolicyMakesSendersInsistOnNothingSoOnlyTheMinimumCounts() {
        sandbox.domain("none.mx.expiry.test").stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1.none.mx.expiry.test")
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@none.mx.expiry.test")
                .policy("version: STSv1\r\nmode: none\r\nmax_age: 2592000\r\n")
                .mxCertificate("mx1.none.mx.expiry.test", until(inDays(20)));

        ValidationReport r = validator.validate("none.mx.expiry.test");

        assertThat(codes(r)).as(describe(r)).doesNotContain(FindingCode.MX_CERT_EXPIRING);
    }

    @Test
    void oneCertificateOnTwoAddressesOfAnMxHostIsOneWarningNamingBoth() {
        Instant notAfter = inDays(5);
        String mx = "mx1.dual.mx.expiry.test";
        SandboxDomain d = deployed("dual.mx.expiry.test", "enforce", ONE_WEEK);
        d.mxAddress(mx, "127.0.1.250", b -> b).mxCertificate(mx, until(notAfter));

        ValidationReport r = validator.validate("dual.mx.expiry.test");

        assertThat(finding(r, FindingCode.MX_CERT_EXPIRING, Severity.WARNING).message())
                .contains("127.0.1.250", d.mxAddresses(mx).get(0), "in 4 days");
    }

    @Test
    void aLongerWarningSetOnTheValidatorReportsWhatTheDefaultLetsPass() {
        Instant notAfter = inDays(20);
        deployed("thirty.setting.expiry.test", "enforce", ONE_WEEK).policyCertificate(until(notAfter))
                .mxCertificate("mx1.thirty.setting.expiry.test", until(notAfter));
        Validator thirtyDays = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400)))
                .deadline(Duration.ofSeconds(8)).certificateExpiryWarning(Duration.ofDays(30)).build();

        ValidationReport byDefault = validator.validate("thirty.setting.expiry.test");
        ValidationReport r = thirtyDays.validate("thirty.setting.expiry.test");

        assertThat(codes(byDefault)).as(describe(byDefault)).doesNotContain(FindingCode.POLICY_CERT_EXPIRING,
                FindingCode.MX_CERT_EXPIRING);
        assertThat(finding(r, FindingCode.POLICY_CERT_EXPIRING, Severity.WARNING).message())
                .contains("expires on " + DATE.format(notAfter) + " (UTC), in 19 days", "within 30 days");
        assertThat(finding(r, FindingCode.MX_CERT_EXPIRING, Severity.WARNING).message()).contains("within 30 days");
        assertThat(thirtyDays.certificateExpiryWarning()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aShorterWarningSetOnTheValidatorStillYieldsToALongerMaxAge() {
        deployed("three.setting.expiry.test", "enforce", ONE_WEEK).policyCertificate(until(inDays(10)));
        deployed("three-cached.setting.expiry.test", "enforce", THIRTY_DAYS).policyCertificate(until(inDays(20)));
        Validator threeDays = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400)))
                .deadline(Duration.ofSeconds(8)).certificateExpiryWarning(Duration.ofDays(3)).build();

        ValidationReport tenDaysLeft = threeDays.validate("three.setting.expiry.test");
        ValidationReport cached = threeDays.validate("three-cached.setting.expiry.test");

        assertThat(codes(tenDaysLeft)).as("10 days left, a week's max_age, a 3-day warning: %s",
                describe(tenDaysLeft)).doesNotContain(FindingCode.POLICY_CERT_EXPIRING);
        assertThat(finding(cached, FindingCode.POLICY_CERT_EXPIRING, Severity.WARNING).message())
                .contains("within the policy's max_age of 2592000 seconds (30 days)");
    }

    @Test
    void anOfflineValidatorLookingUpTheRestWarnsAsTheLiveValidatorDoesUnlessToldOtherwise() {
        Instant notAfter = inDays(20);
        deployed("offline.setting.expiry.test", "enforce", ONE_WEEK).policyCertificate(until(notAfter));
        Validator thirtyDays = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400)))
                .deadline(Duration.ofSeconds(8)).certificateExpiryWarning(Duration.ofDays(30)).build();
        dev.mtasts.OfflineMaterial material = dev.mtasts.OfflineMaterial.builder()
                .stsRecord("v=STSv1; id=" + E2e.ID).build();

        ValidationReport inherited = dev.mtasts.MtaStsValidator.offline().lookUpTheRestWith(thirtyDays).build()
                .validate("offline.setting.expiry.test", material);
        ValidationReport ownSetting = dev.mtasts.MtaStsValidator.offline().lookUpTheRestWith(thirtyDays)
                .certificateExpiryWarning(Duration.ofDays(14)).build().validate("offline.setting.expiry.test", material);

        assertThat(finding(inherited, FindingCode.POLICY_CERT_EXPIRING, Severity.WARNING).message())
                .contains("within 30 days");
        assertThat(codes(ownSetting)).as(describe(ownSetting)).doesNotContain(FindingCode.POLICY_CERT_EXPIRING);
    }

    @Test
    void theWarningSettingRefusesWhatCannotBeMeant() {
        Validator.Builder b = sandbox.validatorBuilder();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> b.certificateExpiryWarning(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one hour to 400 days, not PT0S");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> b.certificateExpiryWarning(
                Duration.ofDays(401)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> b.certificateExpiryWarning(null)))
                .isInstanceOf(NullPointerException.class);
        assertThat(b.build().certificateExpiryWarning()).isEqualTo(Validator.DEFAULT_CERTIFICATE_EXPIRY_WARNING)
                .isEqualTo(Duration.ofDays(14));
    }
}
