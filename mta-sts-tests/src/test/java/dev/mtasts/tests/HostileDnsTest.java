package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Validator;
import dev.mtasts.json.ReportJson;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.DnsFault;
import dev.mtasts.testkit.DnsRecordedQuery;
import dev.mtasts.testkit.DnsZone;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile name servers, end to end through the validator and real sockets: every case ends in a report with a
 * finding that says what happened, within the deadline plus the documented slack, with bounded work. The sandbox's
 * validator has a 10-second deadline and 1 second per DNS query; the blocking {@code validate} waits at most the
 * deadline plus 1 second ({@code Validator.BLOCKING_SLACK}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileDnsTest extends SandboxTest {

    /** The sandbox validator's deadline plus the blocking slack: no report may take longer. */
    private static final Duration LIMIT = Duration.ofSeconds(11);

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().build();
    }

    /** @return a healthy enforcing deployment, to be broken by one fault */
    private static SandboxDomain healthy(String name) {
        return sandbox.domain(name).mx(10, "mx1." + name).stsRecord("v=STSv1; id=" + E2e.ID)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name).policy(policy("enforce", 604800, "mx1." + name));
    }

    /** Validates, asserting that the report came within the limit and that no finding is blank. */
    private static ValidationReport validate(String domain) {
        long start = System.nanoTime();
        ValidationReport r = validator.validate(domain);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("%s took %s\n%s", domain, took, describe(r)).isLessThan(LIMIT);
        assertThat(r.findings()).allSatisfy(f -> {
            assertThat(f.message()).isNotBlank();
            assertThat(f.remediation()).isNotBlank();
        });
        return r;
    }

    private static Finding lookupFailure(ValidationReport r) {
        List<Finding> failed = r.findings(FindingCode.DNS_LOOKUP_FAILED);
        assertThat(failed).as(describe(r)).isNotEmpty();
        return failed.get(0);
    }

    // ---- garbled and forged replies ----

    @Test
    void aMalformedReplyIsALookupFailureSayingSo() {
        healthy("garbled.hostile-dns.test").dnsFault("_mta-sts", DnsFault.malformed());

        ValidationReport r = validate("garbled.hostile-dns.test");

        assertThat(lookupFailure(r).message()).as(describe(r)).contains("_mta-sts.garbled.hostile-dns.test")
                .containsIgnoringCase("malformed");
        assertThat(r.verdict()).as("the policy is served, but senders cannot find its record").isEqualTo(Verdict.BROKEN);
    }

    @Test
    void forgedRepliesAheadOfTheAnswerAreDiscardedAndTheDeploymentChecksOut() {
        healthy("spoofed.hostile-dns.test").dnsFault("_mta-sts", DnsFault.spoofedFirst(20))
                .dnsFault("", DnsFault.spoofedFirst(20));

        ValidationReport r = validate("spoofed.hostile-dns.test");

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.ENFORCING);
        assertThat(r.has(FindingCode.DNS_LOOKUP_FAILED)).isFalse();
    }

    @Test
    void onlyForgedRepliesIsATimeoutThatSaysTheyWereDiscarded() {
        healthy("forged.hostile-dns.test").dnsFault("_mta-sts", DnsFault.wrongId());

        ValidationReport r = validate("forged.hostile-dns.test");

        assertThat(lookupFailure(r).message()).as(describe(r)).containsIgnoringCase("timeout")
                .contains("with another transaction ID or question (RFC 5452 §9.1)");
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.BROKEN);
    }

    @Test
    void aReplyAboutAnotherQuestionIsNeverTakenAsTheAnswer() {
        healthy("other-q.hostile-dns.test");
        healthy("victim.hostile-dns.test").dnsFault("_mta-sts", DnsFault.answerFor("_mta-sts.other-q.hostile-dns.test"));

        ValidationReport r = validate("victim.hostile-dns.test");

        assertThat(lookupFailure(r).message()).as(describe(r)).contains("discarded");
        assertThat(r.stsRecord()).isEmpty();
    }

    @Test
    void aReplyOfOtherNamesRecordsIsMalformedNotAMissingRecord() {
        healthy("foreign-src.hostile-dns.test");
        healthy("foreign.hostile-dns.test")
                .dnsFault("_mta-sts", DnsFault.foreignRecords("_mta-sts.foreign-src.hostile-dns.test"));

        ValidationReport r = validate("foreign.hostile-dns.test");

        assertThat(lookupFailure(r).message()).as(describe(r))
                .contains("only records of other names (_mta-sts.foreign-src.hostile-dns.test TXT)");
        assertThat(r.has(FindingCode.STS_RECORD_MISSING)).as("not taken for NODATA").isFalse();
    }

    // ---- CNAMEs ----

    @Test
    void aCnameLoopIsALookupFailureNamingTheLoop() {
        SandboxDomain d = healthy("cname-loop.hostile-dns.test");
        d.zone().remove("_mta-sts.cname-loop.hostile-dns.test")
                .cname("_mta-sts.cname-loop.hostile-dns.test", "a.cname-loop.hostile-dns.test")
                .cname("a.cname-loop.hostile-dns.test", "b.cname-loop.hostile-dns.test")
                .cname("b.cname-loop.hostile-dns.test", "_mta-sts.cname-loop.hostile-dns.test");

        ValidationReport r = validate("cname-loop.hostile-dns.test");

        assertThat(lookupFailure(r).message()).as(describe(r)).contains("CNAME loop");
    }

    @Test
    void aFiftyDeepCnameChainStopsAtTheLimitWithAFinding() {
        String name = "cname-deep.hostile-dns.test";
        SandboxDomain d = healthy(name);
        DnsZone zone = d.zone().remove("_mta-sts." + name);
        zone.cname("_mta-sts." + name, "c1." + name);
        for (int i = 1; i < 50; i++) {
            zone.cname("c" + i + "." + name, "c" + (i + 1) + "." + name);
        }
        zone.txt("c50." + name, "v=STSv1; id=" + E2e.ID);
        sandbox.dnsServer().clearQueries();

        ValidationReport r = validate(name);

        assertThat(lookupFailure(r).message()).as(describe(r)).contains("CNAME chain longer than 8");
        assertThat(sandbox.dnsServer().queries().stream().filter(q -> q.type().equals("TXT")).count())
                .as("the chain is not walked to its end").isLessThanOrEqualTo(12);
    }

    // ---- large answers ----

    @Test
    void aSixtyKibTxtRecordOverTcpIsReadAndJudgedWithoutABloatedReport() {
        String name = "big-txt.hostile-dns.test";
        SandboxDomain d = healthy(name);
        String[] strings = new String[240];
        strings[0] = "v=STSv1; id=" + E2e.ID + "; ";
        Arrays.fill(strings, 1, strings.length, "x".repeat(255));
        d.zone().remove("_mta-sts." + name).txt("_mta-sts." + name, strings);
        sandbox.dnsServer().clearQueries();

        ValidationReport r = validate(name);

        assertThat(sandbox.dnsServer().queries()).as("the record came over TCP")
                .contains(new DnsRecordedQuery("_mta-sts." + name, "TXT", DnsRecordedQuery.Transport.TCP, true));
        assertThat(r.has(FindingCode.DNS_LOOKUP_FAILED)).as(describe(r)).isFalse();
        assertThat(r.findings()).as(describe(r)).extracting(Finding::code)
                .containsAnyOf(FindingCode.STS_RECORD_INVALID, FindingCode.STS_RECORD_NOTE);
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.message().length() + f.remediation().length())
                .as("finding %s", f.code()).isLessThan(2_000));
        assertThat(ReportJson.toJson(r).length()).as("JSON report size").isLessThan(200_000);
    }

    @Test
    void thousandsOfMxRecordsLookUpOnlyTheFirstTenHosts() {
        String name = "many-mx.hostile-dns.test";
        SandboxDomain d = sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).tlsRpt("v=TLSRPTv1; rua=mailto:tls@"
                + name).policy(policy("testing", 604800, "*." + name));
        DnsZone zone = d.zone();
        for (int i = 0; i < 2_500; i++) {
            zone.mx(name, i, "mx" + i + "." + name);
        }
        sandbox.dnsServer().clearQueries();

        ValidationReport r = validate(name);

        assertThat(r.mxHosts()).as(describe(r)).hasSizeGreaterThanOrEqualTo(10);
        long addressLookups = sandbox.dnsServer().queries().stream()
                .filter(q -> q.type().equals("A") || q.type().equals("AAAA"))
                .map(DnsRecordedQuery::name).filter(n -> n.startsWith("mx")).distinct().count();
        assertThat(addressLookups).as("MX hosts whose addresses were asked").isLessThanOrEqualTo(10);
        assertThat(r.findings()).as(describe(r)).hasSizeLessThan(100);
        // every MX host is listed with its match explained (about 480 bytes each): linear in the records, which
        // one DNS answer bounds (a 64 KiB message holds at most a few thousand)
        assertThat(ReportJson.toJson(r).length()).as("JSON report size").isLessThan(1_500_000);
    }

    // ---- MX exchanges that are no host ----

    @Test
    void anMxNamingAnIpLiteralIsAnInvalidHost() {
        healthy("mx-ip.hostile-dns.test").zone().remove("mx-ip.hostile-dns.test", "MX")
                .mx("mx-ip.hostile-dns.test", 10, "192.0.2.25");

        ValidationReport r = validate("mx-ip.hostile-dns.test");

        assertThat(r.findings(FindingCode.MX_HOST_INVALID)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("192.0.2.25"));
    }

    @Test
    void anMxPointingAtTheRootIsReportedAsANullMx() {
        healthy("mx-root.hostile-dns.test").zone().remove("mx-root.hostile-dns.test", "MX")
                .mx("mx-root.hostile-dns.test", 10, ".");

        ValidationReport r = validate("mx-root.hostile-dns.test");

        assertThat(r.findings()).as(describe(r)).extracting(Finding::code).contains(FindingCode.MX_NULL);
        assertThat(r.mxHosts()).isEmpty();
    }

    // ---- silence ----

    @Test
    void anAnswerThatNeverComesIsATimeoutWithinTheDeadline() {
        healthy("silent.hostile-dns.test").dnsFault("_mta-sts", DnsFault.drop());

        ValidationReport r = validate("silent.hostile-dns.test");

        assertThat(lookupFailure(r).message()).as(describe(r)).containsIgnoringCase("timeout");
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.BROKEN);
    }

    @Test
    void aDomainWhoseEveryNameIsSilentStillGetsAReportWithinTheDeadline() {
        String name = "all-silent.hostile-dns.test";
        healthy(name);
        for (String relative : new String[] {"", "_mta-sts", "_smtp._tls", "mta-sts", "mx1"}) {
            sandbox.domain(name).dnsFault(relative, DnsFault.drop());
        }

        ValidationReport r = validate(name);

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.findings()).isNotEmpty();
    }

    @Test
    void aSilentTcpConnectionDoesNotStallTheTcpLookUpsOfLaterValidations() {
        healthy("stalls-tcp.hostile-dns.test").dnsFault("_mta-sts", DnsFault.silentTcp());
        String after = "after-stall.hostile-dns.test";
        healthy(after).dnsFault("_mta-sts", DnsFault.truncated()).dnsFault("", DnsFault.truncated());

        ValidationReport stalled = validate("stalls-tcp.hostile-dns.test");
        ValidationReport next = validate(after);

        assertThat(lookupFailure(stalled).message()).as(describe(stalled)).contains("over tcp");
        assertThat(next.verdict()).as(describe(next)).isEqualTo(Verdict.ENFORCING);
        assertThat(next.elapsed()).isLessThan(Duration.ofSeconds(1));
    }
}
