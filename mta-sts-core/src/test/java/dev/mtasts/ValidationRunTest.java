package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.report.RefusedAddress;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The pipeline of one validation: which names it asks, what it gives the fetcher, and how it bounds each step. */
class ValidationRunTest {

    /** Records every name asked; the policy host resolves to the given addresses, the record to a valid one. */
    private static final class RecordingResolver implements DnsResolver {
        final Set<String> asked = ConcurrentHashMap.newKeySet();
        private final List<InetAddress> policyHostAddresses;

        RecordingResolver(List<InetAddress> policyHostAddresses) {
            this.policyHostAddresses = policyHostAddresses;
        }

        @Override
        public CompletionStage<TxtAnswer> txt(DomainName name) {
            asked.add("TXT " + name);
            if (name.value().startsWith("_mta-sts.")) {
                return CompletableFuture.completedFuture(TxtAnswer.found(name, "v=STSv1; id=1"));
            }
            return CompletableFuture.completedFuture(TxtAnswer.nxdomain(name));
        }

        @Override
        public CompletionStage<MxAnswer> mx(DomainName domain) {
            asked.add("MX " + domain);
            return CompletableFuture.completedFuture(MxAnswer.nodata(domain));
        }

        @Override
        public CompletionStage<AddressAnswer> addresses(DomainName host) {
            asked.add("A " + host);
            return CompletableFuture.completedFuture(policyHostAddresses.isEmpty() ? AddressAnswer.nodata(host)
                    : AddressAnswer.found(host, policyHostAddresses));
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyIndependentLookUpIsAskedAndTheFetchGetsTheAllowedAddressesWithABudget() {
        RecordingResolver resolver = new RecordingResolver(List.of(address("10.0.0.5"), address("192.0.2.7")));
        AtomicReference<PolicyFetchRequest> given = new AtomicReference<>();
        Validator validator = MtaStsValidator.builder().resolver(resolver)
                .fetcher(request -> {
                    given.set(request);
                    return CompletableFuture.completedFuture(PolicyFetch.builder(FetchOutcome.HTTP_STATUS)
                            .statusCode(404).build());
                })
                .addressPolicy(a -> a.getHostAddress().startsWith("10.") ? Optional.of("private (RFC 1918)")
                        : Optional.empty())
                .deadline(Duration.ofSeconds(20))
                .build();

        ValidationReport report = validator.validate("example.com");

        assertThat(resolver.asked).containsExactlyInAnyOrder("TXT _mta-sts.example.com", "MX example.com",
                "TXT _smtp._tls.example.com", "A mta-sts.example.com", "A example.com",   // no MX: implicit MX
                "TXT _smtp-tlsrpt.example.com");   // no TLS-RPT record: the draft-era name is asked too
        assertThat(given.get().host().value()).isEqualTo("mta-sts.example.com");
        assertThat(given.get().addresses()).containsExactly(address("192.0.2.7"));
        assertThat(given.get().deadline()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(report.observations().refusedAddresses())
                .containsExactly(new RefusedAddress(address("10.0.0.5"), "private (RFC 1918)"));
        assertThat(report.observations().policyFetch()).map(PolicyFetch::outcome).contains(FetchOutcome.HTTP_STATUS);
    }

    @Test
    void theFetchBudgetIsAtMostTheRfcMinutePlusDiagnosticsUnderTheDefaultDeadline() {
        AtomicReference<PolicyFetchRequest> given = new AtomicReference<>();
        Validator validator = MtaStsValidator.builder().addressPolicy(AddressPolicy.allowAll())   // a documentation address
                .resolver(new RecordingResolver(List.of(address("192.0.2.7"))))
                .fetcher(request -> {
                    given.set(request);
                    return CompletableFuture.completedFuture(PolicyFetch.builder(FetchOutcome.CONNECT_FAILURE).build());
                })
                .build();
        validator.validate("example.com");
        assertThat(given.get().deadline()).isEqualTo(PolicyFetchRequest.DEFAULT_DEADLINE);
    }

    @Test
    void aFetcherThatThrowsOrNeverAnswersStillGivesAReportWithinTheDeadline() {
        Validator throwing = MtaStsValidator.builder().addressPolicy(AddressPolicy.allowAll())
                .resolver(new RecordingResolver(List.of(address("192.0.2.7"))))
                .fetcher(request -> {
                    throw new IllegalStateException("boom");
                }).build();
        assertThat(throwing.validate("example.com").observations().policyFetch()).map(PolicyFetch::outcome)
                .contains(FetchOutcome.CONNECT_FAILURE);

        Validator silent = MtaStsValidator.builder().addressPolicy(AddressPolicy.allowAll())
                .resolver(new RecordingResolver(List.of(address("192.0.2.7"))))
                .fetcher(request -> new CompletableFuture<>())
                .deadline(Duration.ofMillis(800)).build();
        long start = System.nanoTime();
        ValidationReport report = silent.validate("example.com");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(800).plus(
                Validator.BLOCKING_SLACK));
        assertThat(report.observations().policyFetch()).map(PolicyFetch::outcome).contains(FetchOutcome.TIMEOUT);
    }

    @Test
    void aResolverThatNeverAnswersGivesTimeoutAnswersWithinTheDeadline() {
        DnsResolver silent = new DnsResolver() {
            @Override
            public CompletionStage<TxtAnswer> txt(DomainName name) {
                return new CompletableFuture<>();
            }

            @Override
            public CompletionStage<MxAnswer> mx(DomainName domain) {
                return new CompletableFuture<>();
            }

            @Override
            public CompletionStage<AddressAnswer> addresses(DomainName host) {
                return new CompletableFuture<>();
            }
        };
        Validator validator = MtaStsValidator.builder().resolver(silent)
                .fetcher(request -> {
                    throw new AssertionError("no address, no fetch");
                })
                .deadline(Duration.ofMillis(500)).build();

        ValidationReport report = validator.validate("example.com");

        assertThat(report.observations().mx().outcome()).isEqualTo(DnsOutcome.TIMEOUT);
        assertThat(report.observations().stsTxt()).map(TxtAnswer::outcome).contains(DnsOutcome.TIMEOUT);
        assertThat(report.observations().policyFetch()).isEmpty();
    }

    @Test
    void namesLongerThanDnsAllowsAreNotAskedAndTheDomainStillGetsAReport() {
        String label = "a".repeat(61);
        String domain = label + "." + label + "." + label + "." + "b".repeat(59) + ".example"; // 253 characters
        assertThat(domain).hasSize(253);
        RecordingResolver resolver = new RecordingResolver(List.of());
        Validator validator = MtaStsValidator.builder().resolver(resolver)
                .fetcher(request -> {
                    throw new AssertionError("no policy host, no fetch");
                }).build();

        ValidationReport report = validator.validate(domain);

        assertThat(resolver.asked).containsExactlyInAnyOrder("MX " + domain, "A " + domain);   // the implicit MX
        assertThat(report.observations().stsTxt()).isEmpty();
        assertThat(report.observations().tlsRptTxt()).isEmpty();
        assertThat(report.observations().policyHostAddresses()).isEmpty();
        assertThat(report.domain().value()).isEqualTo(domain);
    }

    @Test
    void spiImplementationsThatAnswerNullStillGiveAReport() {
        DnsResolver nulls = new DnsResolver() {
            @Override
            public CompletionStage<TxtAnswer> txt(DomainName name) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletionStage<MxAnswer> mx(DomainName domain) {
                return null;
            }

            @Override
            public CompletionStage<AddressAnswer> addresses(DomainName host) {
                return CompletableFuture.completedFuture(AddressAnswer.found(host, "192.0.2.7"));
            }
        };
        Validator validator = MtaStsValidator.builder().resolver(nulls).addressPolicy(AddressPolicy.allowAll())
                .fetcher(request -> CompletableFuture.completedFuture(null)).build();

        ValidationReport report = validator.validate("example.com");

        assertThat(report.observations().mx().outcome()).isEqualTo(DnsOutcome.NETWORK_ERROR);
        assertThat(report.observations().stsTxt()).map(TxtAnswer::outcome).contains(DnsOutcome.NETWORK_ERROR);
        assertThat(report.observations().policyFetch()).map(PolicyFetch::detail).contains("the fetcher answered null");
    }
}
