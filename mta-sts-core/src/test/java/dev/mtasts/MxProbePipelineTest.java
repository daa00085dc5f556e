package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.probe.MxProbeRequest;
import dev.mtasts.probe.MxTlsProbe;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.MxHostObservation;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How a validation drives its MX probe: each MX host's addresses through the resolver and the address policy, the
 * probe given only what is allowed and a budget inside the deadline, TLSA asked beside it, and a probe that
 * throws, answers null or never answers still giving a report in time.
 */
class MxProbePipelineTest {

    /** Two MX hosts; mx1 has a private and a public address, mx2 one public address; TLSA nowhere. */
    private static class Resolver implements DnsResolver {
        final Set<String> asked = ConcurrentHashMap.newKeySet();
        private final String[] mx;

        Resolver(String... mx) {
            this.mx = mx;
        }

        @Override
        public CompletionStage<TxtAnswer> txt(DomainName name) {
            asked.add("TXT " + name);
            return CompletableFuture.completedFuture(TxtAnswer.nxdomain(name));
        }

        @Override
        public CompletionStage<MxAnswer> mx(DomainName domain) {
            asked.add("MX " + domain);
            return CompletableFuture.completedFuture(MxAnswer.found(domain, mx));
        }

        @Override
        public CompletionStage<AddressAnswer> addresses(DomainName host) {
            asked.add("A " + host);
            if (host.value().startsWith("mx1.")) {
                return CompletableFuture.completedFuture(AddressAnswer.found(host, "10.0.0.25", "192.0.2.25"));
            }
            return CompletableFuture.completedFuture(host.value().startsWith("mta-sts.") ? AddressAnswer.nxdomain(host)
                    : AddressAnswer.found(host, "192.0.2.26"));
        }

        @Override
        public CompletionStage<TlsaAnswer> tlsa(DomainName name) {
            asked.add("TLSA " + name);
            return CompletableFuture.completedFuture(TlsaAnswer.nxdomain(name, false));
        }
    }

    private static final AddressPolicy NO_PRIVATE = a -> a.getHostAddress().startsWith("10.")
            ? Optional.of("private (RFC 1918)") : Optional.empty();

    private static MxProbe allOk(MxProbeRequest request) {
        return new MxProbe(request.host(), request.addresses().stream()
                .map(a -> AddressProbe.builder(a, ProbeOutcome.STARTTLS_OK).build()).toList());
    }

    private static Validator.Builder builder(Resolver resolver) {
        return MtaStsValidator.builder().resolver(resolver)
                .fetcher(r -> CompletableFuture.completedFuture(PolicyFetch.builder(FetchOutcome.CONNECT_FAILURE)
                        .build()))
                .addressPolicy(NO_PRIVATE).deadline(Duration.ofSeconds(5));
    }

    @Test
    void theProbeGetsEachHostsAllowedAddressesAndABudgetAndTlsaIsAskedBesideIt() {
        Resolver resolver = new Resolver("10 mx1.example.com", "20 mx2.example.com");
        List<MxProbeRequest> requests = new CopyOnWriteArrayList<>();
        List<MxProbe> heard = new CopyOnWriteArrayList<>();
        MxTlsProbe probe = request -> {
            requests.add(request);
            return CompletableFuture.completedFuture(allOk(request));
        };
        Validator validator = builder(resolver).mxProbe(probe).listener(new ValidationListener() {
            @Override
            public void mxProbeEnded(DomainName domain, MxProbe p) {
                heard.add(p);
            }
        }).build();

        ValidationReport report = validator.validate("example.com");

        assertThat(requests).extracting(r -> r.host().value()).containsExactlyInAnyOrder("mx1.example.com",
                "mx2.example.com");
        MxProbeRequest mx1 = requests.stream().filter(r -> r.host().value().startsWith("mx1")).findFirst().orElseThrow();
        assertThat(mx1.addresses()).extracting(a -> a.getHostAddress()).containsExactly("192.0.2.25");
        assertThat(mx1.deadline()).isPositive().isLessThan(Duration.ofSeconds(5));
        assertThat(resolver.asked).contains("TLSA _25._tcp.mx1.example.com", "TLSA _25._tcp.mx2.example.com");
        assertThat(heard).hasSize(2);
        assertThat(report.observations().mxHosts()).extracting(o -> o.host().value())
                .containsExactly("mx1.example.com", "mx2.example.com");
        assertThat(report.mxHosts().get(0).refused()).extracting(r -> r.address().getHostAddress())
                .containsExactly("10.0.0.25");
        assertThat(report.has(FindingCode.MX_ADDRESS_REFUSED)).isTrue();
    }

    @Test
    void withoutAProbeNothingIsProbedAndNoTlsaAskedButAddressesAreStillLookedUp() {
        Resolver resolver = new Resolver("10 mx1.example.com");

        ValidationReport report = builder(resolver).noMxProbe().build().validate("example.com");

        assertThat(resolver.asked).contains("A mx1.example.com").noneMatch(a -> a.startsWith("TLSA"));
        assertThat(report.observations().mxHosts()).singleElement()
                .satisfies(o -> assertThat(o.probe()).isEmpty());
        assertThat(report.promotion().advice()).doesNotContain("Every MX host offers");
    }

    @Test
    @Timeout(10)
    void aProbeThatThrowsAnswersNullOrNeverAnswersStillGivesAReportWithinTheDeadline() {
        for (MxTlsProbe broken : List.<MxTlsProbe>of(
                request -> {
                    throw new IllegalStateException("boom");
                },
                request -> CompletableFuture.completedFuture(null),
                request -> new CompletableFuture<>())) {
            long start = System.nanoTime();
            ValidationReport report = builder(new Resolver("10 mx2.example.com")).deadline(Duration.ofSeconds(2))
                    .mxProbe(broken).build().validate("example.com");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            MxProbe probe = report.observations().mxHosts().get(0).probe().orElseThrow();
            assertThat(probe.addresses()).singleElement().satisfies(a -> assertThat(a.connected()).isFalse());
            assertThat(report.has(FindingCode.MX_NOT_PROBED)).isTrue();
            assertThat(report.errors()).noneMatch(f -> f.layer() == dev.mtasts.report.Layer.MX_COVERAGE);
        }
    }

    @Test
    @Timeout(10)
    void aProbeAndAFetchThatOverrunTheirBudgetAreCancelledSoTheyCanCloseTheirSockets() {
        CompletableFuture<MxProbe> probing = new CompletableFuture<>();
        CompletableFuture<PolicyFetch> fetching = new CompletableFuture<>();
        Resolver resolver = new Resolver("10 mx2.example.com") {
            @Override
            public CompletionStage<AddressAnswer> addresses(DomainName host) {
                return CompletableFuture.completedFuture(AddressAnswer.found(host, "192.0.2.26"));
            }
        };

        ValidationReport report = MtaStsValidator.builder().resolver(resolver).fetcher(r -> fetching)
                .addressPolicy(AddressPolicy.allowAll()).deadline(Duration.ofSeconds(2)).mxProbe(r -> probing)
                .build().validate("example.com");

        assertThat(probing).isCancelled();
        assertThat(fetching).isCancelled();
        assertThat(report.elapsed()).isPositive();
    }

    @Test
    void onlyTheFirstTenMxHostsAreLookedUp() {
        String[] records = new String[25];
        for (int i = 0; i < records.length; i++) {
            records[i] = (i + 1) + " mx" + (i + 3) + ".example.com";
        }
        Resolver resolver = new Resolver(records);

        ValidationReport report = builder(resolver).mxProbe(r -> CompletableFuture.completedFuture(allOk(r))).build()
                .validate("example.com");

        assertThat(resolver.asked.stream().filter(a -> a.startsWith("A mx"))).hasSize(10);
        assertThat(report.observations().mxHosts()).hasSize(25)
                .filteredOn(o -> o.addresses().isPresent()).hasSize(10);
        assertThat(report.observations().mxHosts().stream().skip(10).map(MxHostObservation::probe))
                .allMatch(Optional::isEmpty);
        assertThat(report.findings(FindingCode.MX_NOT_PROBED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("15 MX host(s)"));
    }
}
