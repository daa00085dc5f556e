package dev.mtasts.examples.serve;

import dev.mtasts.DomainName;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A resolver whose TXT look-ups wait until the test opens the gate: validations stay in flight meanwhile. */
final class GatedResolver implements DnsResolver {

    private final DnsResolver inner;
    private final CompletableFuture<Void> gate = new CompletableFuture<>();

    GatedResolver(DnsResolver inner) {
        this.inner = inner;
    }

    void open() {
        gate.complete(null);
    }

    @Override
    public CompletionStage<TxtAnswer> txt(DomainName name) {
        return gate.thenCompose(x -> inner.txt(name));
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
