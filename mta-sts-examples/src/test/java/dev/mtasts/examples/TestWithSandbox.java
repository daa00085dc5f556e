package dev.mtasts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.testkit.CertificateSpec;
import dev.mtasts.testkit.MtaStsSandbox;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How to test your own code against {@link MtaStsSandbox} in JUnit: start one sandbox for the class, build the
 * domains your test needs (DNS records, policy, certificate, faults), hand your code a validator from
 * {@link MtaStsSandbox#validatorBuilder()}, and close the sandbox at the end. Everything runs on loopback.
 *
 * <p>The code under test here, {@link MailSecurityBadge}, stands for yours: an admin panel's badge that
 * turns a report into a word and a call to action.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestWithSandbox {

    /** Your code: takes a validator, so tests can hand it the sandbox's. */
    static final class MailSecurityBadge {
        private final Validator validator;

        MailSecurityBadge(Validator validator) {
            this.validator = validator;
        }

        String badge(String domain) {
            ValidationReport report = validator.validate(domain);
            if (report.atRisk() || report.hasErrors()) {
                return "red: " + report.errors().get(0).code();
            }
            if (report.promotion().status() == PromotionStatus.READY) {
                return "amber: ready for enforce";
            }
            return switch (report.verdict()) {
                case ENFORCING -> "green";
                case TESTING -> "amber: testing";
                default -> "grey: " + report.verdict();
            };
        }
    }

    private static MtaStsSandbox sandbox;
    private static MailSecurityBadge badge;

    @BeforeAll
    static void start() {
        sandbox = MtaStsSandbox.start();
        String policy = "version: STSv1\nmode: %s\nmx: mx1.%s\nmax_age: 604800\n";
        sandbox.domain("shop.test")
                .stsRecord("v=STSv1; id=20260101T000000")
                .mx(10, "mx1.shop.test")
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@shop.test")
                .policy(String.format(policy, "enforce", "shop.test"));
        sandbox.domain("staging.test")
                .stsRecord("v=STSv1; id=20260101T000000")
                .mx(10, "mx1.staging.test")
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@staging.test")
                .policy(String.format(policy, "testing", "staging.test"));
        sandbox.domain("legacy.test")
                .stsRecord("v=STSv1; id=20260101T000000")
                .mx(10, "mx1.legacy.test")
                .policy(String.format(policy, "enforce", "legacy.test"))
                .policyCertificate(CertificateSpec::expired);
        badge = new MailSecurityBadge(sandbox.validatorBuilder().build());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void enforcedDomainIsGreen() {
        assertThat(badge.badge("shop.test")).isEqualTo("green");
    }

    @Test
    void cleanTestingDomainIsReadyForEnforce() {
        assertThat(badge.badge("staging.test")).isEqualTo("amber: ready for enforce");
    }

    @Test
    void expiredPolicyCertificateIsRed() {
        assertThat(badge.badge("legacy.test")).isEqualTo("red: " + FindingCode.POLICY_TLS_EXPIRED);
    }

    @Test
    void domainWithoutMtaStsIsGrey() {
        sandbox.domain("plain.test").mx(10, "mx.plain.test");
        assertThat(badge.badge("plain.test")).isEqualTo("grey: NOT_DEPLOYED");
    }
}
