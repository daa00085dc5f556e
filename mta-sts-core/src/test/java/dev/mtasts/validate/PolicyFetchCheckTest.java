package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Severity;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fetch layer's judgement of how the policy is served: media type (RFC 8461 §3.2) and time (§3.3). */
class PolicyFetchCheckTest {

    private static final String TESTING = Seen.policy("testing", 86400, Seen.MX);
    private static final String ENFORCE = Seen.policy("enforce", 604800, Seen.MX);

    private static Finding only(ValidationReport r, FindingCode code) {
        List<Finding> found = r.findings(code);
        assertThat(found).as(r.findings().toString()).hasSize(1);
        return found.get(0);
    }

    // ---- Content-Type ----

    @Test
    void policyWithoutContentTypeIsIgnoredBySendersSoTheDeploymentIsBroken() {
        ValidationReport r = Seen.testing().ok(TESTING).assemble();

        Finding f = only(r, FindingCode.POLICY_CONTENT_TYPE);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("no Content-Type", "ignore the policy");
        assertThat(f.remediation()).contains("Content-Type: text/plain");
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.policy()).as("senders do not apply it").isEmpty();
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.NOT_APPLICABLE);
        assertThat(r.layer(Layer.POLICY_FETCH).status()).isEqualTo(LayerStatus.FAIL);
        assertThat(r.layer(Layer.MX_COVERAGE).status()).isEqualTo(LayerStatus.SKIPPED);
        assertThat(r.layer(Layer.MX_COVERAGE).note()).hasValueSatisfying(n -> assertThat(n).contains("text/plain"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/json", "text/csv; charset=utf-8", "text/plain-ish", ";;;",
            "text"})
    void policyServedAsAnotherTypeIsAnError(String type) {
        ValidationReport r = Seen.deployed("example.com", "enforce").ok(ENFORCE, type).assemble();

        Finding f = only(r, FindingCode.POLICY_CONTENT_TYPE);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("not text/plain", dev.mtasts.internal.Quoting.message(type));
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.atRisk()).isFalse();
    }

    @Test
    void theFixOfAWrongTypeIsTheHeaderNotANewPolicyOrId() {
        ValidationReport r = Seen.testing().ok(TESTING, "application/octet-stream").assemble();

        assertThat(r.remediation().policy()).as("the text is fine").isEmpty();
        assertThat(r.remediation().stsRecord()).isEmpty();
        assertThat(r.remediation().enforcePolicy()).as("repair before promotion").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "TEXT/Plain; charset=UTF-8", "text/plain; charset=iso-8859-1",
            "text/plain;format=flowed"})
    void textPlainWithAnyParametersIsAccepted(String type) {
        ValidationReport r = Seen.testing().ok(TESTING, type).assemble();

        assertThat(r.errors()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
        // RFC senders accept it; senders that compare the header with "text/plain" do not (InteropCheckTest)
        assertThat(r.findings()).allMatch(f -> f.code() == FindingCode.INTEROP_RISK)
                .hasSize(type.equals("text/plain") ? 0 : 1);
    }

    @Test
    void severalContentTypeHeadersThatAllSayTextPlainAreAWarning() {
        ValidationReport r = Seen.testing().ok(TESTING, "text/plain", "text/plain; charset=utf-8").assemble();

        Finding f = only(r, FindingCode.POLICY_CONTENT_TYPE);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("2 Content-Type headers", "all say text/plain");
        assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
        assertThat(r.promotion().status()).as("the code blocks promotion").isEqualTo(PromotionStatus.NOT_READY);
    }

    @Test
    void severalContentTypeHeadersWithAnotherTypeAmongThemAreAnError() {
        ValidationReport r = Seen.testing().ok(TESTING, "text/plain", "text/html").assemble();

        Finding f = only(r, FindingCode.POLICY_CONTENT_TYPE);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("text/plain | text/html", "not all text/plain");
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
    }

    // ---- time ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2001  | 2 s",
            "2500  | 2 s",
            "4000  | 2 s",
            "4001  | 2 s or 4 s",
            "15001 | 2 s, 4 s or 15 s",
            "30001 | 2 s, 4 s, 15 s or 30 s",
            "58000 | 2 s, 4 s, 15 s or 30 s"})
    void slowPolicyHostNamesTheSenderBudgetsItExceeds(long millis, String budgets) {
        ValidationReport r = Seen.testing().ok(TESTING, Duration.ofMillis(millis), "text/plain").assemble();

        Finding f = only(r, FindingCode.POLICY_SLOW);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.layer()).isEqualTo(Layer.POLICY_FETCH);
        assertThat(f.message()).contains(millis + " ms", "senders that wait " + budgets + " give up");
        assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
        assertThat(r.promotion().status()).as("POLICY_SLOW does not block promotion").isEqualTo(PromotionStatus.READY);
        assertThat(r.inconclusive()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 150, 1999, 2000})
    void aPolicyWithinTwoSecondsIsNotSlow(long millis) {
        ValidationReport r = Seen.testing().ok(TESTING, Duration.ofMillis(millis), "text/plain").assemble();

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void budgetsAreListedInWords() {
        assertThat(PolicyFetchCheck.budgetsExceeded(Duration.ofSeconds(2))).isEmpty();
        assertThat(PolicyFetchCheck.budgetsExceeded(Duration.ofMillis(2500))).contains("2 s");
        assertThat(PolicyFetchCheck.budgetsExceeded(Duration.ofSeconds(5))).contains("2 s or 4 s");
        assertThat(PolicyFetchCheck.budgetsExceeded(Duration.ofSeconds(20))).contains("2 s, 4 s or 15 s");
    }

    private static PolicyFetch timeout(Duration elapsed) {
        return PolicyFetch.builder(FetchOutcome.TIMEOUT).detail("no response").elapsed(elapsed)
                .address(new InetSocketAddress(Seen.address("192.0.2.1"), 443)).build();
    }

    @ParameterizedTest
    @ValueSource(longs = {59_000, 60_000, 65_000})
    void noResponseWithinTheMinuteIsAnError(long millis) {
        ValidationReport r = Seen.testing().fetch(timeout(Duration.ofMillis(millis))).assemble();

        Finding f = only(r, FindingCode.POLICY_TIMEOUT);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains(millis + " ms", "192.0.2.1", "minute");
        assertThat(only(r, FindingCode.STS_RECORD_WITHOUT_POLICY).severity()).isEqualTo(Severity.ERROR);
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.inconclusive()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 1500, 4500, 58_999})
    void aCheckThatGaveUpBeforeTheMinuteIsAWarningAndInconclusive(long millis) {
        ValidationReport r = Seen.testing().fetch(timeout(Duration.ofMillis(millis))).assemble();

        Finding f = only(r, FindingCode.POLICY_TIMEOUT);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("gave up", "after " + millis + " ms", "before the minute");
        assertThat(f.remediation()).contains("longer deadline");
        assertThat(r.findings(FindingCode.STS_RECORD_WITHOUT_POLICY)).as("nothing says it cannot be fetched").isEmpty();
        assertThat(r.errors()).isEmpty();
        assertThat(r.inconclusive()).isTrue();
        assertThat(r.verdict()).as("whether senders get the policy is unknown").isEqualTo(Verdict.UNKNOWN);
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.NOT_APPLICABLE);
        assertThat(r.remediation().enforcePolicy()).isEmpty();
    }

    @Test
    void anEarlyTimeoutAfterSomeSecondsSaysWhichSendersGiveUpAlready() {
        ValidationReport r = Seen.testing().fetch(timeout(Duration.ofMillis(4500))).assemble();

        assertThat(only(r, FindingCode.POLICY_TIMEOUT).message()).contains("senders that wait 2 s or 4 s give up");
    }

    @Test
    void anEarlyTimeoutWithABrokenRecordIsStillBroken() {
        ValidationReport r = Seen.testing().sts("v=STSv1; id=1", "v=STSv1; id=2")
                .fetch(timeout(Duration.ofMillis(1500))).assemble();

        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.inconclusive()).as("the verdict rests on the record, which is known").isFalse();
    }

    @Test
    void anEarlyTimeoutWithoutARecordIsNotReported() {
        ValidationReport r = Seen.testing().sts().fetch(timeout(Duration.ofMillis(1500))).assemble();

        assertThat(r.findings()).extracting(Finding::code).containsExactly(FindingCode.STS_RECORD_MISSING);
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
        assertThat(r.inconclusive()).isFalse();
    }

    @Test
    void anUnresolvedAddressFromAFetcherIsNamedNotAFailure() {
        PolicyFetch f = PolicyFetch.builder(FetchOutcome.HTTP_STATUS).statusCode(500)
                .address(InetSocketAddress.createUnresolved("mta-sts.example.com", 443)).build();

        ValidationReport r = Seen.testing().fetch(f).assemble();

        assertThat(only(r, FindingCode.POLICY_HTTP_STATUS).message()).contains("500", "mta-sts.example.com");
        assertThat(r.remediation().policy()).isEqualTo(Optional.empty());
    }
}
