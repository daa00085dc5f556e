package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.fetcher.AddressFailure;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.report.DiagnosticObservations;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Observations;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.AddressAnswer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link PolicyAddressesCheck} through {@link ReportAssembler}, on observations made by hand: the cases the sandbox
 * cannot easily stage (more addresses than are compared, a minute-long time-out, the check's own deadline).
 */
class PolicyAddressesCheckTest {

    private static final String POLICY = Seen.policy("enforce", 604800, Seen.MX);

    private static InetSocketAddress at(String literal) {
        return new InetSocketAddress(Seen.address(literal), 443);
    }

    private static PolicyFetch ok(String literal, String body) {
        return PolicyFetch.builder(FetchOutcome.OK).statusCode(200).header("Content-Type", "text/plain")
                .body(body.getBytes(StandardCharsets.UTF_8)).address(at(literal)).elapsed(Duration.ofMillis(50))
                .build();
    }

    /** The deployment of {@link Seen#deployed} with a policy host of these addresses, fetched one by one. */
    private static ValidationReport assemble(List<String> addresses, List<PolicyFetch> each) {
        Observations seen = Seen.deployed("example.com", "enforce").addresses(addresses.toArray(String[]::new))
                .fetch(each.get(0)).observations();
        Observations withEach = new Observations(seen.stsTxt(), seen.mx(), seen.tlsRptTxt(),
                seen.policyHostAddresses(), seen.refusedAddresses(), seen.policyFetch(), seen.mxHosts(),
                new DiagnosticObservations(each, Optional.empty(), Optional.empty(), List.of()));
        return ReportAssembler.assemble(DomainName.of("example.com"), Seen.NOW, Duration.ZERO, withEach,
                Optional.empty());
    }

    private static Finding only(ValidationReport r, Severity severity) {
        List<Finding> found = r.findings(FindingCode.POLICY_ADDRESSES_DIFFER);
        assertThat(found).as(r.findings().toString()).hasSize(1);
        assertThat(found.get(0).severity()).isEqualTo(severity);
        return found.get(0);
    }

    @Test
    void anErrorAlsoNamesTheFieldsTheValidPoliciesDifferInAndTheAddressesBeyondTheLimit() {
        List<String> addresses = IntStream.rangeClosed(1, 10).mapToObj(i -> "192.0.2." + i).toList();
        List<PolicyFetch> each = new ArrayList<>();
        each.add(ok("192.0.2.1", POLICY));
        each.add(ok("192.0.2.2", POLICY.replace("604800", "86400")));
        each.add(PolicyFetch.builder(FetchOutcome.HTTP_STATUS).statusCode(404).address(at("192.0.2.3")).build());
        IntStream.rangeClosed(4, 8).forEach(i -> each.add(ok("192.0.2." + i, POLICY)));

        Finding f = only(assemble(addresses, each), Severity.ERROR);

        assertThat(f.message()).contains("192.0.2.1, 192.0.2.4, 192.0.2.5, 192.0.2.6, 192.0.2.7 and 192.0.2.8 serve"
                + " mode enforce, max_age 604800", "192.0.2.2 serves mode enforce, max_age 86400",
                "but 192.0.2.3 answers HTTP 404", "the policies served differ in max_age",
                "not compared: 2 more addresses (beyond the first 8)");
    }

    @Test
    void aTimeOutThatReachedTheMinuteIsWhatSendersIgnoreButOneCutShortByTheCheckIsNotCompared() {
        PolicyFetch minute = PolicyFetch.builder(FetchOutcome.TIMEOUT).address(at("192.0.2.2"))
                .elapsed(Duration.ofSeconds(61)).build();
        PolicyFetch cutShort = PolicyFetch.builder(FetchOutcome.TIMEOUT).address(at("192.0.2.3"))
                .elapsed(Duration.ofSeconds(3)).build();

        Finding f = only(assemble(List.of("192.0.2.1", "192.0.2.2", "192.0.2.3"),
                List.of(ok("192.0.2.1", POLICY), minute, cutShort)), Severity.ERROR);

        assertThat(f.message()).contains("192.0.2.2 sends no complete response within a minute",
                "not compared: 192.0.2.3 (no answer before this check's deadline)");
    }

    @Test
    void anAddressNotReachedLeavesNothingToCompare() {
        PolicyFetch refused = PolicyFetch.builder(FetchOutcome.CONNECT_FAILURE).detail("Connection refused")
                .failedAddress(new AddressFailure(at("2001:db8::1"), "Connection refused")).build();

        ValidationReport r = assemble(List.of("192.0.2.1", "2001:db8::1"), List.of(ok("192.0.2.1", POLICY), refused));

        assertThat(r.findings(FindingCode.POLICY_ADDRESSES_DIFFER)).isEmpty();
    }

    @Test
    void policiesThatDifferOnlyInTheOrderOfTheirMxPatternsAreTheSamePolicy() {
        String two = Seen.policy("enforce", 604800, "a.example.net", "b.example.net");
        String swapped = Seen.policy("enforce", 604800, "b.example.net", "a.example.net");

        Finding f = only(assemble(List.of("192.0.2.1", "192.0.2.2"), List.of(ok("192.0.2.1", two),
                ok("192.0.2.2", swapped))), Severity.INFO);

        assertThat(f.message()).contains("the same policy in different bytes");
    }

    @Test
    void aValidAndAnInvalidPolicyIsAnError() {
        Finding f = only(assemble(List.of("192.0.2.1", "192.0.2.2"), List.of(ok("192.0.2.1", POLICY),
                ok("192.0.2.2", POLICY.replace("mode: enforce", "mode: enforced")))), Severity.ERROR);

        assertThat(f.message()).contains("192.0.2.2 serves a policy that does not parse (SHA-256 ");
    }

    @Test
    void withoutARecordAndWithoutAValidPolicyNothingIsCompared() {
        PolicyFetch html = PolicyFetch.builder(FetchOutcome.OK).statusCode(200).header("Content-Type", "text/html")
                .body("<html></html>".getBytes(StandardCharsets.UTF_8)).address(at("192.0.2.1")).build();
        Observations seen = Seen.deployed("example.com", "enforce").sts().addresses("192.0.2.1", "192.0.2.2")
                .fetch(html).observations();
        Observations withEach = new Observations(seen.stsTxt(), seen.mx(), seen.tlsRptTxt(),
                seen.policyHostAddresses(), seen.refusedAddresses(), seen.policyFetch(), seen.mxHosts(),
                new DiagnosticObservations(List.of(html, PolicyFetch.builder(FetchOutcome.HTTP_STATUS)
                        .statusCode(404).address(at("192.0.2.2")).build()), Optional.empty(), Optional.empty(),
                        List.of()));

        ValidationReport r = ReportAssembler.assemble(DomainName.of("example.com"), Seen.NOW, Duration.ZERO,
                withEach, Optional.empty());

        assertThat(r.findings(FindingCode.POLICY_ADDRESSES_DIFFER)).isEmpty();
        assertThat(withEach.policyHostAddresses().map(AddressAnswer::addresses).orElseThrow()).hasSize(2);
        // the same observations with the record: an address serving a web page and one a 404 differ, as INFO
        Observations announced = new Observations(Seen.deployed("example.com", "enforce").observations().stsTxt(),
                seen.mx(), seen.tlsRptTxt(), seen.policyHostAddresses(), seen.refusedAddresses(), seen.policyFetch(),
                seen.mxHosts(), withEach.diagnostics());
        assertThat(ReportAssembler.assemble(DomainName.of("example.com"), Seen.NOW, Duration.ZERO, announced,
                Optional.empty()).findings(FindingCode.POLICY_ADDRESSES_DIFFER)).extracting(Finding::severity)
                .containsExactly(Severity.INFO);
    }
}
