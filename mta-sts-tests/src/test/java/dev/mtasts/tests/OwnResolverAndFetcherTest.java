package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.assertOutcome;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.Validator;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.testkit.HttpRecordedRequest;
import dev.mtasts.testkit.MtaStsSandbox;
import dev.mtasts.testkit.MtaStsSandboxExtension;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A resolver or a fetcher of the user's own, given to {@link MtaStsSandbox#validatorBuilder()}, replaces only that
 * half: the other half stays the sandbox's, with its trust, ports and addresses, and the domain validates as it
 * does with the sandbox's own pair.
 */
@Timeout(30)
@ExtendWith(MtaStsSandboxExtension.class)
class OwnResolverAndFetcherTest {

    private static final String DOMAIN = "own.combine.test";

    /** Wraps a resolver and writes down every look-up, as {@code TYPE name}. */
    static final class CountingResolver implements DnsResolver {
        final List<String> lookUps = new CopyOnWriteArrayList<>();
        private final DnsResolver delegate;

        CountingResolver(DnsResolver delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletionStage<TxtAnswer> txt(DomainName name) {
            lookUps.add("TXT " + name);
            return delegate.txt(name);
        }

        @Override
        public CompletionStage<MxAnswer> mx(DomainName domain) {
            lookUps.add("MX " + domain);
            return delegate.mx(domain);
        }

        @Override
        public CompletionStage<AddressAnswer> addresses(DomainName host) {
            lookUps.add("A/AAAA " + host);
            return delegate.addresses(host);
        }
    }

    /** Wraps a resolver and keeps each answer for good: a second validation asks no server. */
    static final class CachingResolver implements DnsResolver {
        private final Map<String, CompletionStage<?>> cache = new ConcurrentHashMap<>();
        private final DnsResolver delegate;

        CachingResolver(DnsResolver delegate) {
            this.delegate = delegate;
        }

        @SuppressWarnings("unchecked")
        private <A> CompletionStage<A> cached(String key, DomainName name,
                Function<DomainName, CompletionStage<A>> lookUp) {
            return (CompletionStage<A>) cache.computeIfAbsent(key + " " + name, k -> lookUp.apply(name));
        }

        @Override
        public CompletionStage<TxtAnswer> txt(DomainName name) {
            return cached("TXT", name, delegate::txt);
        }

        @Override
        public CompletionStage<MxAnswer> mx(DomainName domain) {
            return cached("MX", domain, delegate::mx);
        }

        @Override
        public CompletionStage<AddressAnswer> addresses(DomainName host) {
            return cached("A/AAAA", host, delegate::addresses);
        }
    }

    /** Wraps a fetcher and keeps every request. */
    static final class CountingFetcher implements PolicyFetcher {
        final List<PolicyFetchRequest> requests = new CopyOnWriteArrayList<>();
        private final PolicyFetcher delegate;

        CountingFetcher(PolicyFetcher delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletionStage<PolicyFetch> fetch(PolicyFetchRequest request) {
            requests.add(request);
            return delegate.fetch(request);
        }
    }

    @BeforeEach
    void deploy(MtaStsSandbox sandbox) {
        sandbox.domain(DOMAIN)
                .stsRecord("v=STSv1; id=" + E2e.ID)
                .mx(10, "mx1." + DOMAIN)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + DOMAIN)
                .policy(policy("enforce", 604800, "mx1." + DOMAIN));
    }

    private static void assertEnforcing(ValidationReport r) {
        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(r.errors()).as(E2e.describe(r)).isEmpty();
    }

    /** @return the sandbox's HTTPS server saw one policy request for the domain, over TLS */
    private static void assertFetchedFromTheSandbox(MtaStsSandbox sandbox) {
        assertThat(sandbox.httpsServer().requests()).filteredOn(HttpRecordedRequest::tls)
                .extracting(q -> q.sniHost().orElse("-")).contains("mta-sts." + DOMAIN);
    }

    @Test
    void anOwnResolverWrappingTheSandboxsIsAskedEveryNameAndTheSandboxsFetcherDoesTheRest(MtaStsSandbox sandbox) {
        CountingResolver counting = new CountingResolver(sandbox.resolver());

        ValidationReport r = sandbox.validatorBuilder().resolver(counting).build().validate(DOMAIN);

        assertEnforcing(r);
        assertThat(counting.lookUps).contains("TXT _mta-sts." + DOMAIN, "MX " + DOMAIN,
                "TXT _smtp._tls." + DOMAIN, "A/AAAA mta-sts." + DOMAIN);
        assertThat(sandbox.dnsServer().queries()).as("the wrapped resolver asked the sandbox's server")
                .anyMatch(q -> q.name().equals("_mta-sts." + DOMAIN));
        assertFetchedFromTheSandbox(sandbox);
    }

    @Test
    void aCachingResolverAnswersTheSecondValidationWithoutAQuery(MtaStsSandbox sandbox) {
        Validator validator = sandbox.validatorBuilder().resolver(new CachingResolver(sandbox.resolver())).build();

        assertEnforcing(validator.validate(DOMAIN));
        int queries = sandbox.dnsServer().queryCount();
        assertThat(queries).isPositive();
        ValidationReport again = validator.validate(DOMAIN);

        assertEnforcing(again);
        assertThat(sandbox.dnsServer().queryCount()).as("every answer came from the cache").isEqualTo(queries);
        assertThat(sandbox.httpsServer().requests()).filteredOn(HttpRecordedRequest::tls).hasSize(2);
    }

    @Test
    void anOwnFetcherWrappingTheSandboxsGetsTheAddressesTheSandboxsResolverFound(MtaStsSandbox sandbox)
            throws Exception {
        CountingFetcher counting = new CountingFetcher(sandbox.fetcher());

        ValidationReport r = sandbox.validatorBuilder().fetcher(counting).build().validate(DOMAIN);

        assertEnforcing(r);
        assertThat(counting.requests).singleElement().satisfies(request -> {
            assertThat(request.host()).isEqualTo(DomainName.of("mta-sts." + DOMAIN));
            assertThat(request.addresses()).containsExactly(InetAddress.getByName(MtaStsSandbox.SERVER_ADDRESS));
        });
        assertThat(sandbox.dnsServer().queries()).anyMatch(q -> q.name().equals("mta-sts." + DOMAIN));
        assertFetchedFromTheSandbox(sandbox);
    }

    @Test
    void anOwnResolverAndAnOwnFetcherTogetherStillReachTheSandbox(MtaStsSandbox sandbox) {
        CountingResolver resolver = new CountingResolver(sandbox.resolver());
        CountingFetcher fetcher = new CountingFetcher(sandbox.fetcher());

        ValidationReport r = sandbox.validatorBuilder().resolver(resolver).fetcher(fetcher).build().validate(DOMAIN);

        assertEnforcing(r);
        assertThat(resolver.lookUps).contains("A/AAAA mta-sts." + DOMAIN);
        assertThat(fetcher.requests).hasSize(1);
        assertFetchedFromTheSandbox(sandbox);
    }
}
