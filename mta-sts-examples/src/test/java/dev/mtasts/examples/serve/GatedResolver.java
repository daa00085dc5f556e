package dev.mtasts.examples.serve;

import dev.mtasts.DomainName;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * A resolver whose TXT look-ups (of the gated names) wait until the test opens the gate: validations stay in flight
 * meanwhile.
 */
final class GatedResolver implements DnsResolver {

    private final DnsResolver inner;
    private final Predicate<DomainName> gated;
    private final CompletableFuture<Void> gate = new CompletableFuture<>();

    /** Gates every TXT look-up. */
    GatedResolver(DnsResolver inner) {
        this(inner, name -> true);
    }

    GatedResolver(DnsResolver inner, Predicate<DomainName> gated) {
        this.inner = inner;
        this.gated = gated;
    }

    void open() {
        gate.complete(null);
    }

    @Override
    public CompletionStage<TxtAnswer> txt(DomainName name) {
        return gated.test(name) ? gate.thenCompose(x -> inner.txt(name)) : inner.txt(name);
    }

    @Override
    public CompletionStage<MxAnswer> mx(DomainName domain) {
        return inner.mx(domain);
    }

    @Override
    public CompletionStage<AddressAnswer> addresses(DomainName host) {
        return inner.addresses(host);
    }

    @Override
    public CompletionStage<TlsaAnswer> tlsa(DomainName name) {
        return inner.tlsa(name);
    }
}
