package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.DnsResult;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The builder's rules, in the core alone: here neither mta-sts-dns nor mta-sts-http is on the class path, so the
 * defaults cannot be found.
 */
class MtaStsValidatorBuilderTest {

    /** A resolver that answers NXDOMAIN for everything, to build validators without a network module. */
    private static final DnsResolver NOTHING = new DnsResolver() {
        @Override
        public CompletableFuture<TxtAnswer> txt(DomainName name) {
            return CompletableFuture.completedFuture(TxtAnswer.empty(DnsResult.of(name, DnsOutcome.NXDOMAIN)));
        }

        @Override
        public CompletableFuture<MxAnswer> mx(DomainName domain) {
            return CompletableFuture.completedFuture(MxAnswer.empty(DnsResult.of(domain, DnsOutcome.NXDOMAIN)));
        }

        @Override
        public CompletableFuture<AddressAnswer> addresses(DomainName host) {
            return CompletableFuture.completedFuture(AddressAnswer.empty(DnsResult.of(host, DnsOutcome.NXDOMAIN)));
        }
    };

    @Test
    void defaultsWithoutTheDnsModuleNameTheMissingModule() {
        assertThatThrownBy(MtaStsValidator::defaults).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mta-sts-dns");
    }

    @Test
    void defaultsWithoutTheHttpModuleNameTheMissingModule() {
        assertThatThrownBy(() -> MtaStsValidator.builder().resolver(NOTHING).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("mta-sts-http");
    }

    @Test
    void settingsOfTheDefaultResolverCannotBeCombinedWithAnExplicitOne() {
        assertThatThrownBy(() -> MtaStsValidator.builder().resolver(NOTHING)
                .nameservers(List.of(new InetSocketAddress("127.0.0.1", 53)))
                .fetcher(request -> CompletableFuture.completedFuture(PolicyFetch.builder(FetchOutcome.TIMEOUT)
                        .build())).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("resolver(...)");
    }

    @Test
    void deadlineMustBePositive() {
        assertThatThrownBy(() -> MtaStsValidator.builder().deadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void malformedDomainIsRejectedBeforeAnyLookUp() {
        MtaStsValidator validator = MtaStsValidator.builder().resolver(NOTHING)
                .fetcher(request -> {
                    throw new AssertionError("no fetch for a malformed domain");
                }).build();

        assertThatThrownBy(() -> validator.validate("exa mple.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whitespace");
        assertThat(validator.validate("nothing.test").verdict().name()).isEqualTo("NOT_DEPLOYED");
    }
}
