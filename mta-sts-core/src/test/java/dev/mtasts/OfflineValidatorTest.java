package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.fetcher.PolicyFetcherFactory;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.probe.MxTlsProbe;
import dev.mtasts.probe.MxTlsProbeFactory;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.DnsResolverFactory;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * An offline validation in the module that has no resolver, fetcher or probe of its own, and no socket code at all:
 * with nothing looked up it still gives the report (so it cannot have needed the network); with the rest looked up
 * live, the live resolver and fetcher are asked for everything but the material.
 */
class OfflineValidatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String POLICY = "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: mx2.example.com\n"
            + "max_age: 604800\n";

    private static OfflineMaterial.Builder full() {
        return OfflineMaterial.builder()
                .stsRecord("v=STSv1; id=20260101T000000")
                .policy(POLICY)
                .mx(10, "mx1.example.com").mx(20, "mx2.example.com")
                .tlsRptRecord("v=TLSRPTv1; rua=mailto:tls-reports@example.net");
    }

    @Test
    void withNothingLookedUpAReportComesWhereNoResolverFetcherOrProbeExists() {
        assertThat(DnsResolverFactory.fromServiceLoader()).as("no resolver module here").isEmpty();
        assertThat(PolicyFetcherFactory.fromServiceLoader()).as("no fetcher module here").isEmpty();
        assertThat(MxTlsProbeFactory.fromServiceLoader()).as("no probe module here").isEmpty();
        assertThatThrownBy(() -> MtaStsValidator.builder().build()).isInstanceOf(IllegalStateException.class);
        Heard heard = new Heard();

        ValidationReport report = MtaStsValidator.offline().clock(CLOCK).listener(heard).build()
                .validate("example.com", full().build());

        assertThat(report.verdict()).as(describe(report)).isEqualTo(Verdict.ENFORCING);
        assertThat(report.findings()).as(describe(report)).noneMatch(f -> f.severity() != Severity.INFO);
        assertThat(report.checkedAt()).isEqualTo(CLOCK.instant());
        assertThat(heard.answers).as("no answer names a server").allMatch(a -> a.result().server().isEmpty());
        assertThat(heard.fetches).singleElement().satisfies(r -> assertThat(r.addresses())
                .containsExactly(Placeholder.ADDRESS));
        assertThat(heard.probes).as("no MX host is probed offline").isEmpty();
    }

    @Test
    void theMxHostsResolveToThePlaceholderThatSaysItWasNotLookedUp() {
        ValidationReport report = MtaStsValidator.offline().build().validate("example.com", full().build());

        assertThat(report.mxHosts()).extracting(h -> h.host().value())
                .containsExactly("mx1.example.com", "mx2.example.com");
        for (MxHostResult host : report.mxHosts()) {
            AddressAnswer answer = host.addresses().orElseThrow();
            assertThat(answer.addresses()).extracting(InetAddress::getHostAddress).containsExactly("192.0.2.1");
            assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d).startsWith("not looked up"));
            assertThat(host.refused()).isEmpty();
            assertThat(host.probe()).isEmpty();
        }
        assertThat(report.observations().policyHostAddresses().orElseThrow().result().detail())
                .hasValueSatisfying(d -> assertThat(d).contains("placeholder", "the supplied policy"));
    }

    @Test
    void aTlsRptRecordNotSuppliedIsCheckedAsAbsent() {
        OfflineMaterial material = OfflineMaterial.builder().stsRecord("v=STSv1; id=20260101T000000")
                .policy(POLICY).mx("mx1.example.com", "mx2.example.com").build();

        ValidationReport report = MtaStsValidator.offline().build().validate("example.com", material);

        assertThat(report.findings(FindingCode.TLSRPT_MISSING)).as(describe(report)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(report.layer(Layer.TLS_RPT).status()).isEqualTo(LayerStatus.WARN);
        assertThat(report.observations().tlsRptTxt().orElseThrow().outcome()).isEqualTo(DnsOutcome.NXDOMAIN);
    }

    @Test
    void aPolicyNotSuppliedIsAPolicyHostThatDoesNotExist() {
        OfflineMaterial material = OfflineMaterial.builder().stsRecord("v=STSv1; id=20260101T000000")
                .mx("mx1.example.com").build();

        ValidationReport report = MtaStsValidator.offline().build().validate("example.com", material);

        assertThat(codes(report)).as(describe(report)).contains(FindingCode.POLICY_HOST_NOT_FOUND,
                FindingCode.STS_RECORD_WITHOUT_POLICY);
        assertThat(report.observations().policyFetch()).isEmpty();
    }

    @Test
    void mxNotSuppliedMakesTheDomainItsOwnImplicitMx() {
        OfflineMaterial material = OfflineMaterial.builder().stsRecord("v=STSv1; id=20260101T000000")
                .policy(POLICY).build();

        ValidationReport report = MtaStsValidator.offline().build().validate("example.com", material);

        assertThat(report.observations().mx().outcome()).isEqualTo(DnsOutcome.NODATA);
        assertThat(report.mxHosts()).extracting(h -> h.host().value()).containsExactly("example.com");
        assertThat(codes(report)).as(describe(report)).contains(FindingCode.MX_NONE, FindingCode.POLICY_MX_COVERS_NO_MX)
                .doesNotContain(FindingCode.MX_HOST_NO_ADDRESS, FindingCode.MX_HOST_LOOKUP_FAILED);
    }

    @Test
    void noStsRecordSuppliedIsNoRecord() {
        OfflineMaterial material = OfflineMaterial.builder().mx("mx1.example.com").build();

        ValidationReport report = MtaStsValidator.offline().build().validate("example.com", material);

        assertThat(report.verdict()).as(describe(report)).isEqualTo(Verdict.NOT_DEPLOYED);
        assertThat(report.observations().stsTxt().orElseThrow().outcome()).isEqualTo(DnsOutcome.NXDOMAIN);
    }

    @Test
    void withTheRestLookedUpLiveTheMaterialIsNeverAskedFor() {
        Live live = new Live();
        Probes probes = new Probes();
        Validator validator = MtaStsValidator.builder().resolver(live).fetcher(live).mxProbe(probes)
                .addressPolicy(AddressPolicy.allowAll()).build();

        ValidationReport report = MtaStsValidator.offline().lookUpTheRestWith(validator).build()
                .validate("example.com", full().build());

        assertThat(live.asked).doesNotContain("TXT _mta-sts.example.com", "TXT _smtp._tls.example.com",
                "MX example.com", "A/AAAA mta-sts.example.com");
        assertThat(live.asked).contains("A/AAAA mx1.example.com", "A/AAAA mx2.example.com");
        assertThat(live.fetched).as("the supplied policy is not fetched").isEmpty();
        assertThat(probes.probed).as("the live validator's probe probes the MX hosts it resolves")
                .containsExactlyInAnyOrder("mx1.example.com", "mx2.example.com");
        assertThat(report.verdict()).as(describe(report)).isEqualTo(Verdict.ENFORCING);
    }

    @Test
    void withTheRestLookedUpLiveThePartsNotSuppliedAreLookedUpAndFetched() {
        Live live = new Live();
        Validator validator = MtaStsValidator.builder().resolver(live).fetcher(live).noMxProbe()
                .addressPolicy(AddressPolicy.allowAll()).build();

        ValidationReport report = MtaStsValidator.offline().lookUpTheRestWith(validator).build()
                .validate("example.com", OfflineMaterial.builder().mx("mx1.example.com").build());

        assertThat(live.asked).contains("TXT _mta-sts.example.com", "TXT _smtp._tls.example.com",
                "A/AAAA mta-sts.example.com", "A/AAAA mx1.example.com").doesNotContain("MX example.com");
        assertThat(live.fetched).containsExactly("mta-sts.example.com");
        assertThat(report.mxHosts()).extracting(h -> h.host().value()).containsExactly("mx1.example.com");
    }

    @Test
    void theBuilderChecksItsOptions() {
        assertThatThrownBy(() -> MtaStsValidator.offline().minimumCleanDays(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("minimumCleanDays must be 1 to 366, not 0");
        assertThat(MtaStsValidator.offline().build().looksUpTheRest()).isFalse();
        Validator validator = MtaStsValidator.builder().resolver(new Live()).fetcher(new Live()).noMxProbe().build();
        assertThat(MtaStsValidator.offline().lookUpTheRestWith(validator).build().looksUpTheRest()).isTrue();
    }

    @Test
    void aDomainThatIsNoDomainNameIsRefused() {
        assertThatThrownBy(() -> MtaStsValidator.offline().build().validate("not a domain", full().build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<FindingCode> codes(ValidationReport r) {
        return r.findings().stream().map(Finding::code).toList();
    }

    private static String describe(ValidationReport r) {
        return r.verdict() + " " + r.layers() + " " + r.findings();
    }

    /** What the listener heard. */
    private static final class Heard extends ValidationListener {
        final List<DnsAnswer> answers = new CopyOnWriteArrayList<>();
        final List<PolicyFetchRequest> fetches = new CopyOnWriteArrayList<>();
        final List<MxProbe> probes = new CopyOnWriteArrayList<>();

        @Override
        public void dnsAnswered(DomainName domain, DnsAnswer answer) {
            answers.add(answer);
        }

        @Override
        public void policyFetchStarted(DomainName domain, PolicyFetchRequest request) {
            fetches.add(request);
        }

        @Override
        public void mxProbeEnded(DomainName domain, MxProbe probe) {
            probes.add(probe);
        }
    }

    /** A live side that serves the same deployment, and records what it is asked. */
    private static final class Live implements DnsResolver, PolicyFetcher {
        final Set<String> asked = ConcurrentHashMap.newKeySet();
        final List<String> fetched = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<TxtAnswer> txt(DomainName name) {
            asked.add("TXT " + name);
            return CompletableFuture.completedFuture(name.value().startsWith("_mta-sts.")
                    ? TxtAnswer.found(name, "v=STSv1; id=20260101T000000")
                    : name.value().startsWith("_smtp._tls.")
                    ? TxtAnswer.found(name, "v=TLSRPTv1; rua=mailto:tls-reports@example.net")
                    : TxtAnswer.nodata(name));
        }

        @Override
        public CompletionStage<MxAnswer> mx(DomainName domain) {
            asked.add("MX " + domain);
            return CompletableFuture.completedFuture(MxAnswer.found(domain, "10 mx1.example.com"));
        }

        @Override
        public CompletionStage<AddressAnswer> addresses(DomainName host) {
            asked.add("A/AAAA " + host);
            return CompletableFuture.completedFuture(AddressAnswer.found(host, "198.51.100.7"));
        }

        @Override
        public CompletionStage<TlsaAnswer> tlsa(DomainName name) {
            asked.add("TLSA " + name);
            return CompletableFuture.completedFuture(TlsaAnswer.nxdomain(name, false));
        }

        @Override
        public CompletionStage<PolicyFetch> fetch(PolicyFetchRequest request) {
            fetched.add(request.host().value());
            return CompletableFuture.completedFuture(PolicyFetch.builder(FetchOutcome.OK).statusCode(200)
                    .header("Content-Type", "text/plain").body(POLICY.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .build());
        }
    }

    /** A probe that finds STARTTLS everywhere, and records the hosts. */
    private static final class Probes implements MxTlsProbe {
        final List<String> probed = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<MxProbe> probe(dev.mtasts.probe.MxProbeRequest request) {
            probed.add(request.host().value());
            return CompletableFuture.completedFuture(new MxProbe(request.host(), request.addresses().stream()
                    .map(a -> AddressProbe.builder(a, ProbeOutcome.CONNECT_FAILED).connected(false)
                            .detail("not probed in this test").build()).toList()));
        }
    }
}
