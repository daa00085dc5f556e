package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The builder's rules, in the core alone: here neither mta-sts-dns nor mta-sts-http is on the class path, so the
 * defaults cannot be found.
 */
class MtaStsValidatorBuilderTest {

    @Test
    void defaultsWithoutTheDnsModuleNameTheMissingModule() {
        assertThatThrownBy(() -> MtaStsValidator.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mta-sts-dns");
        assertThatThrownBy(() -> MtaStsValidator.validate("example.com")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mta-sts-dns");
    }

    @Test
    void defaultsWithoutTheHttpModuleNameTheMissingModule() {
        assertThatThrownBy(() -> MtaStsValidator.builder().resolver(InstantResolver.NOTHING).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("mta-sts-http");
    }

    @Test
    void aBuiltValidatorShowsWhatItWasGiven() {
        Validator validator = MtaStsValidator.builder().resolver(InstantResolver.NOTHING)
                .fetcher(request -> CompletableFuture.completedFuture(PolicyFetch.builder(FetchOutcome.TIMEOUT)
                        .build()))
                .deadline(Duration.ofSeconds(9)).build();
        assertThat(validator.resolver()).isSameAs(InstantResolver.NOTHING);
        assertThat(validator.deadline()).isEqualTo(Duration.ofSeconds(9));
        assertThat(validator.addressPolicy()).isSameAs(AddressPolicy.publicOnly());
        assertThat(MtaStsValidator.builder().resolver(InstantResolver.NOTHING).fetcher(request -> null).build().deadline())
                .isEqualTo(Validator.DEFAULT_DEADLINE).isEqualTo(Duration.ofSeconds(75));
    }

    @Test
    void withoutAProbeModuleNothingIsProbedAndAGivenProbeIsKept() {
        dev.mtasts.probe.MxTlsProbe probe = request -> new CompletableFuture<>();
        Validator.Builder builder = MtaStsValidator.builder().resolver(InstantResolver.NOTHING).fetcher(request -> null);

        assertThat(builder.build().mxProbe()).as("mta-sts-smtp is not on core's test class path").isEmpty();
        assertThat(builder.mxProbe(probe).build().mxProbe()).containsSame(probe);
        assertThat(builder.noMxProbe().build().mxProbe()).isEmpty();
        assertThat(builder.build().toString()).contains("mxProbe=none");
    }

    @Test
    void deadlineMustBePositive() {
        assertThatThrownBy(() -> MtaStsValidator.builder().deadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void malformedDomainIsRejectedBeforeAnyLookUp() {
        Validator validator = MtaStsValidator.builder().resolver(InstantResolver.NOTHING)
                .fetcher(request -> {
                    throw new AssertionError("no fetch for a malformed domain");
                }).build();

        assertThatThrownBy(() -> validator.validate("exa mple.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whitespace");
        assertThat(validator.validate("nothing.test").verdict().name()).isEqualTo("NOT_DEPLOYED");
    }
}
