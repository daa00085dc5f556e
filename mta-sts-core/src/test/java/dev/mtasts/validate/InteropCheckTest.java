package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.Observations;
import dev.mtasts.report.SenderClass;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What RFC 8461 allows but a class of real senders rejects: an {@code INTEROP_RISK} warning in the layer of what
 * triggers it, naming the class, the rule and the fix; and the classes every other finding names.
 */
class InteropCheckTest {

    private static final String TESTING = Seen.policy("testing", 86400, Seen.MX);

    private static List<Finding> risks(ValidationReport r) {
        return r.findings(FindingCode.INTEROP_RISK);
    }

    private static Finding onlyRisk(ValidationReport r) {
        assertThat(risks(r)).as(r.findings().toString()).hasSize(1);
        Finding f = risks(r).get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        return f;
    }

    private static ValidationReport withObservations(Observations o) {
        return ReportAssembler.assemble(dev.mtasts.DomainName.of("example.com"), Seen.NOW, Duration.ZERO, o,
                Optional.empty());
    }

    @Test
    void aCleanDeploymentHasNoRiskAndNoFindingNamesAClass() {
        ValidationReport r = Seen.testing().assemble();

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void aParameterIsARiskForSendersThatRequireTheExactString() {
        ValidationReport r = Seen.testing().ok(TESTING, "text/plain; format=fixed").assemble();

        Finding f = onlyRisk(r);
        assertThat(f.layer()).isEqualTo(Layer.POLICY_FETCH);
        assertThat(f.senderClasses()).containsExactly(SenderClass.EXACT_CONTENT_TYPE);
        assertThat(f.message()).contains("'text/plain; format=fixed'", "B12", "exactly 'text/plain'");
        assertThat(f.remediation()).contains("exactly 'Content-Type: text/plain'", "without parameters");
        assertThat(r.errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain; charset=utf-8", "text/plain;charset=UTF-8", "text/plain; charset=\"utf-8\"",
            "text/plain; charset=us-ascii"})
    void theCharsetParametersTheRfcNamesAreOnlyAnInfo(String contentType) {
        ValidationReport r = Seen.testing().ok(TESTING, contentType).assemble();

        assertThat(risks(r)).as(r.findings().toString()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.senderClasses()).containsExactly(SenderClass.EXACT_CONTENT_TYPE);
            assertThat(f.message()).contains("names this charset parameter itself (rule B12)");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain; charset=iso-8859-1", "text/plain; charset=utf-8; format=fixed",
            "Text/Plain; charset=utf-8", "text/plain; charset=utf-8; charset=latin1", "text/plain ;charset=utf-8",
            "text/plain;;charset=utf-8;", "text/plain; charset=utf8", "text/plain;  charset=utf-8"})
    void otherParametersOrAnotherCaseBesideTheCharsetStayAWarning(String contentType) {
        ValidationReport r = Seen.testing().ok(TESTING, contentType).assemble();

        assertThat(onlyRisk(r).senderClasses()).containsExactly(SenderClass.EXACT_CONTENT_TYPE);
    }

    @Test
    void anotherCaseWithoutParametersNamesTheCaseRule() {
        Finding f = onlyRisk(Seen.testing().ok(TESTING, "Text/Plain").assemble());

        assertThat(f.message()).contains("case-insensitive").doesNotContain("B12");
    }

    @Test
    void utf8WithoutCharsetIsARiskForAsciiReadersAndTheFixIsAsciiNotACharset() {
        String policy = TESTING + "note: café\r\n";
        ValidationReport r = Seen.testing().ok(policy, "text/plain").assemble();

        Finding f = onlyRisk(r);
        assertThat(f.layer()).isEqualTo(Layer.POLICY_PARSE);
        assertThat(f.senderClasses()).containsExactly(SenderClass.ASCII_BODY);
        assertThat(f.subject()).contains("https://mta-sts.example.com/.well-known/mta-sts.txt line 5");
        assertThat(f.message()).contains("line 5", "note: café", "without a charset", "C12");
        assertThat(f.remediation()).contains("ASCII only");
    }

    @Test
    void utf8WithCharsetUtf8IsReadByAsciiReadersButTheParameterIsStillARisk() {
        String policy = TESTING + "note: café\r\n";
        ValidationReport r = Seen.testing().ok(policy, "text/plain; charset=utf-8").assemble();

        assertThat(risks(r)).as(r.findings().toString()).hasSize(1);
        Finding f = risks(r).get(0);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.senderClasses()).containsExactly(SenderClass.EXACT_CONTENT_TYPE);
        assertThat(f.remediation()).as("dropping the charset alone would break the ASCII readers")
                .contains("ASCII only", "exactly 'Content-Type: text/plain'");
    }

    @Test
    void modeNoneWithoutMxIsARiskAndTheFixListsTheMxHosts() {
        ValidationReport r = Seen.testing().ok("version: STSv1\nmode: none\nmax_age: 86400\n", "text/plain")
                .assemble();

        Finding f = onlyRisk(r);
        assertThat(f.layer()).isEqualTo(Layer.POLICY_PARSE);
        assertThat(f.senderClasses()).containsExactly(SenderClass.REQUIRES_MX_IN_MODE_NONE);
        assertThat(f.message()).contains("mode none", "C8", "cached");
        assertThat(f.remediation()).contains("'mx: " + Seen.MX + "'", "even in mode none");
    }

    @Test
    void modeNoneWithoutMxAtANullMxDomainIsNoRiskSinceItAcceptsNoMail() {
        Seen seen = Seen.testing().ok("version: STSv1\nmode: none\nmax_age: 86400\n", "text/plain");
        Observations o = seen.observations();
        Observations nullMx = new Observations(o.stsTxt(), dev.mtasts.resolver.MxAnswer.found(
                dev.mtasts.DomainName.of("example.com"), "0 ."),
                o.tlsRptTxt(), o.policyHostAddresses(), o.refusedAddresses(), o.policyFetch(), o.mxHosts());

        assertThat(risks(withObservations(nullMx))).isEmpty();
    }

    @Test
    void modeNoneWithMxIsNoRisk() {
        ValidationReport r = Seen.testing().ok(Seen.policy("none", 86400, Seen.MX), "text/plain").assemble();

        assertThat(risks(r)).isEmpty();
    }

    @Test
    void anExtensionValueWithAColonIsARiskNamingTheLineAndTheField() {
        String policy = TESTING + "report-uri: https://reports.example.net/sts\r\n";
        ValidationReport r = Seen.testing().ok(policy, "text/plain").assemble();

        Finding f = onlyRisk(r);
        assertThat(f.senderClasses()).containsExactly(SenderClass.SPLITS_AT_EVERY_COLON);
        assertThat(f.message()).contains("1 line with more than one ':'", "line 5", "report-uri", "C12");
        assertThat(f.remediation()).contains("'report-uri'");
    }

    @Test
    void aSlowRecordLookUpIsARiskInTheDnsLayer() {
        Observations o = Seen.testing().observations();
        TxtAnswer sts = o.stsTxt().orElseThrow();
        Observations slow = new Observations(Optional.of(new TxtAnswer(sts.result().withElapsed(
                Duration.ofMillis(4500)), sts.records())), o.mx(), o.tlsRptTxt(), o.policyHostAddresses(),
                o.refusedAddresses(), o.policyFetch(), o.mxHosts());

        Finding f = onlyRisk(withObservations(slow));
        assertThat(f.layer()).isEqualTo(Layer.DNS_RECORD);
        assertThat(f.senderClasses()).containsExactly(SenderClass.SHORT_TIMEOUT);
        assertThat(f.message()).contains("4500 ms", "(4 s for it)");
    }

    @Test
    void aSlowAddressLookUpPlusAQuickFetchIsARiskButAQuickOneIsNot() {
        Observations o = Seen.testing().observations();
        AddressAnswer a = o.policyHostAddresses().orElseThrow();
        Observations slow = new Observations(o.stsTxt(), o.mx(), o.tlsRptTxt(), Optional.of(new AddressAnswer(
                a.result().withElapsed(Duration.ofMillis(3950)), a.addresses())), o.refusedAddresses(),
                o.policyFetch(), o.mxHosts());
        Observations quick = new Observations(o.stsTxt(), o.mx(), o.tlsRptTxt(), Optional.of(new AddressAnswer(
                a.result().withElapsed(Duration.ofMillis(3800)), a.addresses())), o.refusedAddresses(),
                o.policyFetch(), o.mxHosts());

        Finding f = onlyRisk(withObservations(slow));
        assertThat(f.layer()).isEqualTo(Layer.POLICY_FETCH);
        assertThat(f.message()).contains("3950 ms", "120 ms", "4070 ms in all", "(4 s for both)");
        assertThat(risks(withObservations(quick))).as("3920 ms in all").isEmpty();
    }

    @Test
    void aSlowFetchIsPolicySlowNamingTheClassWithoutASecondWarning() {
        ValidationReport r = Seen.testing().ok(TESTING, Duration.ofMillis(2500), "text/plain").assemble();

        assertThat(risks(r)).isEmpty();
        assertThat(r.findings(FindingCode.POLICY_SLOW)).singleElement()
                .satisfies(f -> assertThat(f.senderClasses()).containsExactly(SenderClass.SHORT_TIMEOUT));
    }

    @Test
    void aMissingContentTypeIsAnErrorNamingTheClassesWithoutAWarning() {
        ValidationReport r = Seen.testing().ok(TESTING).assemble();

        assertThat(risks(r)).isEmpty();
        Finding f = r.findings(FindingCode.POLICY_CONTENT_TYPE).get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.senderClasses()).containsExactly(SenderClass.REQUIRES_TEXT_PLAIN, SenderClass.EXACT_CONTENT_TYPE);
    }

    @Test
    void repeatedTextPlainHeadersAreAWarningForTheSendersThatJoinThemOnly() {
        ValidationReport r = Seen.testing().ok(TESTING, "text/plain", "text/plain").assemble();

        assertThat(risks(r)).isEmpty();
        Finding f = r.findings(FindingCode.POLICY_CONTENT_TYPE).get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.senderClasses()).containsExactly(SenderClass.EXACT_CONTENT_TYPE);
    }

    @Test
    void aBlankLineIsAnErrorNamingTheStrictParsersAndNothingElseIsJudged() {
        String policy = "version: STSv1\r\nmode: none\r\n\r\nmax_age: 86400\r\nnote: a:b\r\n";
        ValidationReport r = Seen.testing().ok(policy, "text/plain; charset=utf-8").assemble();

        assertThat(risks(r)).as("RFC senders already ignore the policy").isEmpty();
        Finding blank = r.findings(FindingCode.POLICY_SYNTAX).stream()
                .filter(f -> f.problem().equals(Optional.of(ProblemCode.POLICY_BLANK_LINE))).findFirst().orElseThrow();
        assertThat(blank.severity()).isEqualTo(Severity.ERROR);
        assertThat(blank.senderClasses()).containsExactly(SenderClass.REJECTS_BLANK_LINE);
    }

    @Test
    void aDuplicateModeNamesTheSendersThatKeepTheLast() {
        String policy = TESTING + "mode: enforce\r\n";
        ValidationReport r = Seen.testing().ok(policy, "text/plain").assemble();

        Finding duplicate = r.findings(FindingCode.POLICY_NOTE).stream()
                .filter(f -> f.problem().equals(Optional.of(ProblemCode.FIELD_DUPLICATE))).findFirst().orElseThrow();
        assertThat(duplicate.senderClasses()).containsExactly(SenderClass.LAST_DUPLICATE_WINS);
        assertThat(risks(r)).isEmpty();
    }

    @Test
    void nothingIsJudgedWithoutAValidRecord() {
        ValidationReport r = Seen.testing().sts("v=STSv1; id=1", "v=STSv1; id=2")
                .ok("version: STSv1\nmode: none\nmax_age: 86400\n", "text/plain; charset=utf-8").assemble();

        assertThat(risks(r)).isEmpty();
    }
}
