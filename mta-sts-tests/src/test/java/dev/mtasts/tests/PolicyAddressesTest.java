package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.codes;
import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.finding;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.AddressPolicy;
import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.ValidationListener;
import dev.mtasts.Validator;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.SandboxDomain;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15, item 4: the policy fetched from every address of {@code mta-sts.<domain>} on its own and compared
 * ({@code POLICY_ADDRESSES_DIFFER}), end to end: the sandbox's policy host on two or three loopback addresses at the
 * same ports, the real resolver and fetcher.
 */
@Timeout(60)
class PolicyAddressesTest extends SandboxTest {

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400)))
                .deadline(Duration.ofSeconds(8)).build();
    }

    /** A working enforce deployment whose policy host answers at 127.0.0.1 (and whatever a test adds). */
    private static SandboxDomain deployed(String name) {
        return sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name).policy(policy("enforce", 604800, "mx1." + name));
    }

    /** @return how many policy requests each address of the host received, by address */
    private static Map<String, Long> requestsByAddress(String host) {
        return sandbox.httpsServer().requests().stream().filter(r -> r.tls() && r.host().orElse("").equals(host))
                .collect(Collectors.groupingBy(r -> r.local().getAddress().getHostAddress(), Collectors.counting()));
    }

    /** The findings, without a slow fetch (a loaded machine) and the same-domain TLS-RPT advice every domain here gets. */
    private static List<Finding> untimed(ValidationReport r) {
        return r.findings().stream().filter(f -> f.code() != FindingCode.POLICY_SLOW
                && f.code() != FindingCode.TLSRPT_SAME_DOMAIN).toList();
    }

    private static List<String> fetchedAddresses(ValidationReport r) {
        return r.observations().diagnostics().policyFetchesByAddress().stream()
                .map(f -> f.address().or(() -> f.failedAddresses().stream().findFirst().map(a -> a.address()))
                        .map(InetSocketAddress::getAddress).map(InetAddress::getHostAddress).orElse("?"))
                .toList();
    }

    @Test
    void twoAddressesServingDifferentPolicyVersionsIsAWarningNamingTheFields() {
        deployed("versions.addr.test").policyAt("127.0.0.2", policy("testing", 86400, "mx1.versions.addr.test"));

        ValidationReport r = validator.validate("versions.addr.test");

        Finding f = finding(r, FindingCode.POLICY_ADDRESSES_DIFFER, Severity.WARNING, Layer.POLICY_FETCH);
        assertThat(f.message()).contains("mta-sts.versions.addr.test", "127.0.0.1 serves mode enforce, max_age 604800",
                "127.0.0.2 serves mode testing, max_age 86400", "differ in mode and max_age");
        assertThat(f.remediation()).contains("new id");
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.ENFORCING);   // what the first address says
        assertThat(r.errors()).as(describe(r)).isEmpty();
        assertThat(fetchedAddresses(r)).containsExactly("127.0.0.1", "127.0.0.2");
    }

    @Test
    void mxPatternsThatDifferAreNamed() {
        deployed("mx.addr.test").policyAt("127.0.0.2", policy("enforce", 604800, "mx1.mx.addr.test",
                "mx2.mx.addr.test"));

        ValidationReport r = validator.validate("mx.addr.test");

        assertThat(finding(r, FindingCode.POLICY_ADDRESSES_DIFFER, Severity.WARNING).message())
                .contains("differ in mx,", "mx mx1.mx.addr.test, mx2.mx.addr.test");
    }

    @Test
    void anAddressAnswering404IsAnErrorSinceSendersThatPickItSeeNoPolicy() {
        deployed("stale.addr.test").policyResponseAt("127.0.0.2", HttpResponse.status(404));

        ValidationReport r = validator.validate("stale.addr.test");

        Finding f = finding(r, FindingCode.POLICY_ADDRESSES_DIFFER, Severity.ERROR, Layer.POLICY_FETCH);
        assertThat(f.message()).contains("127.0.0.1 serves mode enforce", "127.0.0.2 answers HTTP 404",
                "senders that connect to 127.0.0.2 see no policy");
        assertThat(f.remediation()).contains("127.0.0.2", "status 200", "text/plain");
        assertThat(r.layer(Layer.POLICY_FETCH).status()).as(describe(r)).isEqualTo(LayerStatus.FAIL);
        // no mail is refused for it: a sender that misses the policy delivers as without MTA-STS
        assertThat(r.atRisk()).as(describe(r)).isFalse();
    }

    @Test
    void anAddressFailingTlsIsAnErrorNamingTheFailure() {
        deployed("tls.addr.test").policyCertificateAt("127.0.0.2", c -> c.expired());

        ValidationReport r = validator.validate("tls.addr.test");

        assertThat(finding(r, FindingCode.POLICY_ADDRESSES_DIFFER, Severity.ERROR).message())
                .contains("127.0.0.2 fails TLS (certificate expired on ");
    }

    @Test
    void anAddressServingTheWrongTypeIsAnError() {
        deployed("type.addr.test").policyResponseAt("127.0.0.2", HttpResponse.ok("text/html",
                policy("enforce", 604800, "mx1.type.addr.test")));

        ValidationReport r = validator.validate("type.addr.test");

        assertThat(finding(r, FindingCode.POLICY_ADDRESSES_DIFFER, Severity.ERROR).message())
                .contains("127.0.0.2 answers 200 with Content-Type 'text/html', not text/plain");
    }

    @Test
    void theSamePolicyWithDifferentCertificatesIsInfoWithFingerprintsAndExpiryDates() {
        deployed("certs.addr.test").policyCertificateAt("127.0.0.2", c -> c);

        ValidationReport r = validator.validate("certs.addr.test");

        Finding f = finding(r, FindingCode.POLICY_ADDRESSES_DIFFER, Severity.INFO);
        List<PolicyFetch> each = r.observations().diagnostics().policyFetchesByAddress();
        CertificateFacts first = each.get(0).certificates().get(0);
        CertificateFacts second = each.get(1).certificates().get(0);
        DateTimeFormatter date = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
        assertThat(first.sha256Fingerprint()).isNotEqualTo(second.sha256Fingerprint());
        assertThat(f.message()).contains("different certificates",
                "127.0.0.1 presents SHA-256 " + first.sha256Fingerprint().substring(0, 16),
                "127.0.0.2 presents SHA-256 " + second.sha256Fingerprint().substring(0, 16),
                "(expires " + date.format(second.notAfter()) + ")");
        assertThat(untimed(r)).as(describe(r)).extracting(Finding::severity).containsOnly(Severity.INFO);
    }

    @Test
    void theSamePolicyInOtherBytesIsInfoWithTheDigests() {
        // CRLF at the first address, LF at the second: the same policy for every sender
        deployed("bytes.addr.test").policyAt("127.0.0.2", policy("enforce", 604800, "mx1.bytes.addr.test")
                .replace("\r\n", "\n"));

        ValidationReport r = validator.validate("bytes.addr.test");

        assertThat(finding(r, FindingCode.POLICY_ADDRESSES_DIFFER, Severity.INFO).message())
                .contains("the same policy in different bytes (SHA-256 ", "at 127.0.0.1", "at 127.0.0.2");
    }

    @Test
    void addressesThatAllFailInDifferentWaysAreInfoBesideTheErrorsOfTheFetch() {
        deployed("failing.addr.test").policyResponse(HttpResponse.status(500))
                .policyResponseAt("127.0.0.2", HttpResponse.status(404));

        ValidationReport r = validator.validate("failing.addr.test");

        assertThat(finding(r, FindingCode.POLICY_ADDRESSES_DIFFER, Severity.INFO).message())
                .contains("No address of mta-sts.failing.addr.test serves a usable policy", "127.0.0.1 answers HTTP"
                        + " 500", "127.0.0.2 answers HTTP 404");
        finding(r, FindingCode.POLICY_HTTP_STATUS, Severity.ERROR);
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
    }

    @Test
    void theSameAnswerEverywhereIsNoFindingAndEachAddressIsFetchedOnce() {
        deployed("same.addr.test").policyHostAlsoAt("127.0.0.2").policyHostAlsoAt("127.0.0.3");
        Map<String, PolicyFetch> heard = new ConcurrentHashMap<>();
        Validator listening = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400)))
                .deadline(Duration.ofSeconds(8)).listener(new ValidationListener() {
                    @Override
                    public void policyAddressFetchEnded(DomainName domain, InetAddress address, PolicyFetch fetch) {
                        heard.put(address.getHostAddress(), fetch);
                    }
                }).build();

        ValidationReport r = listening.validate("same.addr.test");

        assertThat(untimed(r)).as(describe(r)).isEmpty();
        assertThat(fetchedAddresses(r)).containsExactly("127.0.0.1", "127.0.0.2", "127.0.0.3");
        assertThat(r.observations().diagnostics().policyFetchesByAddress()).extracting(PolicyFetch::outcome)
                .containsOnly(FetchOutcome.OK);
        // the validation's own fetch stands for the first address: one request per address, none twice
        assertThat(requestsByAddress("mta-sts.same.addr.test"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("127.0.0.1", 1L, "127.0.0.2", 1L, "127.0.0.3", 1L));
        assertThat(heard).containsOnlyKeys("127.0.0.2", "127.0.0.3");
        assertThat(r.observations().diagnostics().policyFetchesByAddress().get(0))
                .isEqualTo(r.observations().policyFetch().orElseThrow());
    }

    @Test
    void comparingOneAddressMakesOneFetchAndComparesNothing() {
        deployed("one.addr.test").policyAt("127.0.0.2", policy("testing", 86400, "mx1.one.addr.test"));
        Validator oneFetch = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400)))
                .deadline(Duration.ofSeconds(8)).policyAddressesCompared(1).build();

        ValidationReport r = oneFetch.validate("one.addr.test");

        assertThat(codes(r)).as(describe(r)).doesNotContain(FindingCode.POLICY_ADDRESSES_DIFFER);
        assertThat(r.observations().diagnostics().policyFetchesByAddress()).isEmpty();
        assertThat(requestsByAddress("mta-sts.one.addr.test")).containsExactlyInAnyOrderEntriesOf(
                Map.of("127.0.0.1", 1L));
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.ENFORCING);
    }

    @Test
    void comparingTwoOfThreeAddressesFetchesTheFirstTwoAndFindsTheDifferenceThere() {
        deployed("two-of-three.addr.test").policyAt("127.0.0.2", policy("testing", 86400,
                "mx1.two-of-three.addr.test")).policyHostAlsoAt("127.0.0.3");
        Validator two = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400)))
                .deadline(Duration.ofSeconds(8)).policyAddressesCompared(2).build();

        ValidationReport r = two.validate("two-of-three.addr.test");

        assertThat(fetchedAddresses(r)).containsExactly("127.0.0.1", "127.0.0.2");
        assertThat(finding(r, FindingCode.POLICY_ADDRESSES_DIFFER, Severity.WARNING).message())
                .contains("127.0.0.2 serves mode testing");
        assertThat(requestsByAddress("mta-sts.two-of-three.addr.test")).doesNotContainKey("127.0.0.3");
    }

    @Test
    void theNumberComparedIsOneToEight() {
        Validator.Builder b = sandbox.validatorBuilder();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> b.policyAddressesCompared(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("policyAddressesCompared must be 1 to 8, not 0");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> b.policyAddressesCompared(9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(b.build().policyAddressesCompared()).isEqualTo(Validator.DEFAULT_POLICY_ADDRESSES_COMPARED)
                .isEqualTo(8);
    }

    @Test
    void anAddressTheAddressPolicyRefusesIsNotFetchedNorComparedAndTheMessageSaysSo() {
        deployed("refused.addr.test").policyResponseAt("127.0.0.2", HttpResponse.status(404))
                .policyCertificateAt("127.0.0.3", c -> c);
        Validator refusing = sandbox.validatorBuilder()
                .resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400))).deadline(Duration.ofSeconds(8))
                .addressPolicy(a -> a.getHostAddress().equals("127.0.0.2") ? Optional.of("refused by this test")
                        : AddressPolicy.allowAll().refusal(a))
                .build();

        ValidationReport r = refusing.validate("refused.addr.test");

        // 127.0.0.2 answers 404, but no request reached it: only the certificates of .1 and .3 differ
        Finding f = finding(r, FindingCode.POLICY_ADDRESSES_DIFFER, Severity.INFO);
        assertThat(f.message()).contains("different certificates", "not compared: 127.0.0.2 (refused by the address"
                + " policy)");
        finding(r, FindingCode.POLICY_HOST_ADDRESS_REFUSED, Severity.WARNING);
        assertThat(fetchedAddresses(r)).containsExactly("127.0.0.1", "127.0.0.3");
        assertThat(requestsByAddress("mta-sts.refused.addr.test")).doesNotContainKey("127.0.0.2");
    }

    @Test
    void ipv6AndIpv4AddressesAreCompared() {
        deployed("dual.addr.test").policyAt("::1", policy("enforce", 86400, "mx1.dual.addr.test"));

        ValidationReport r = validator.validate("dual.addr.test");

        assertThat(fetchedAddresses(r)).containsExactly("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(finding(r, FindingCode.POLICY_ADDRESSES_DIFFER, Severity.WARNING).message())
                .contains("127.0.0.1 serves mode enforce, max_age 604800", "0:0:0:0:0:0:0:1 serves mode enforce,"
                        + " max_age 86400", "differ in max_age");
    }

    @Test
    void anAddressWhereNothingListensIsNotComparedSinceSendersMoveOn() {
        // 127.0.0.254 is the sandbox's dead address: connections there are refused
        deployed("dead.addr.test").zone().a("mta-sts.dead.addr.test", "127.0.0.254");

        ValidationReport r = validator.validate("dead.addr.test");

        assertThat(codes(r)).as(describe(r)).doesNotContain(FindingCode.POLICY_ADDRESSES_DIFFER);
        assertThat(r.errors()).as(describe(r)).isEmpty();
        assertThat(r.observations().diagnostics().policyFetchesByAddress()).extracting(PolicyFetch::outcome)
                .containsExactly(FetchOutcome.OK, FetchOutcome.CONNECT_FAILURE);
    }

    @Test
    void aHostWithOneAddressIsNotComparedAtAll() {
        deployed("single.addr.test");

        ValidationReport r = validator.validate("single.addr.test");

        assertThat(r.observations().diagnostics().policyFetchesByAddress()).isEmpty();
        assertThat(requestsByAddress("mta-sts.single.addr.test")).containsExactly(Map.entry("127.0.0.1", 1L));
    }

    @Test
    void withoutARecordWhatAnswersAtTheHostIsNotCompared() {
        sandbox.domain("norecord.addr.test").mx(10, "mx1.norecord.addr.test")
                .policyResponse(HttpResponse.ok("text/html", "<html>a web site</html>"))
                .policyResponseAt("127.0.0.2", HttpResponse.status(404));

        ValidationReport r = validator.validate("norecord.addr.test");

        assertThat(codes(r)).as(describe(r)).doesNotContain(FindingCode.POLICY_ADDRESSES_DIFFER);
    }
}
