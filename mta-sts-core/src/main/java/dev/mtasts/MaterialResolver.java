package dev.mtasts;

import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.MxRecord;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The resolver of one offline validation: answers the names of the supplied material from it, and every other name
 * through the live resolver, or, without one, as {@link OfflineValidator} documents (the material's parts not
 * supplied as absent; the addresses of the policy host and of the MX hosts with the {@link Placeholder}; any other
 * name not looked up). Answers at once, from the calling thread, when nothing is live.
 */
final class MaterialResolver implements DnsResolver {

    /** The detail of every answer for a name an offline check did not look up. */
    static final String NOT_LOOKED_UP = "not looked up: an offline check answers only from the supplied material";

    private final DomainName domain;
    private final OfflineMaterial material;
    private final Optional<DnsResolver> live;
    private final Optional<DomainName> stsName;
    private final Optional<DomainName> rptName;
    private final Optional<DomainName> policyHost;
    private final Set<DomainName> mxHosts;

    MaterialResolver(DomainName domain, OfflineMaterial material, Optional<DnsResolver> live) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.material = Objects.requireNonNull(material, "material");
        this.live = Objects.requireNonNull(live, "live");
        this.stsName = prefixed(domain, "_mta-sts");
        this.rptName = prefixed(domain, "_smtp._tls");
        this.policyHost = prefixed(domain, "mta-sts");
        this.mxHosts = material.mx().map(lines -> mxAnswer(lines).records().stream().map(MxRecord::host)
                .collect(Collectors.toSet())).orElse(Set.of(domain));   // none supplied: the implicit MX
    }

    /** @return true when names outside the material are not looked up at all (no live resolver behind) */
    boolean answersOnlyFromMaterial() {
        return live.isEmpty();
    }

    @Override
    public CompletionStage<TxtAnswer> txt(DomainName name) {
        Objects.requireNonNull(name, "name");
        if (stsName.filter(name::equals).isPresent()) {
            return material.stsRecords().map(r -> done(TxtAnswer.found(name, r)))
                    .orElseGet(() -> live.map(l -> l.txt(name)).orElseGet(() -> done(TxtAnswer.nxdomain(name))));
        }
        if (rptName.filter(name::equals).isPresent()) {
            return material.tlsRptRecords().map(r -> done(TxtAnswer.found(name, r)))
                    .orElseGet(() -> live.map(l -> l.txt(name)).orElseGet(() -> done(TxtAnswer.nxdomain(name))));
        }
        return live.map(l -> l.txt(name)).orElseGet(() -> done(TxtAnswer.failure(name, DnsOutcome.REFUSED,
                NOT_LOOKED_UP)));
    }

    @Override
    public CompletionStage<MxAnswer> mx(DomainName name) {
        Objects.requireNonNull(name, "name");
        if (name.equals(domain)) {
            return material.mx().map(lines -> done(mxAnswer(lines)))
                    .orElseGet(() -> live.map(l -> l.mx(name)).orElseGet(() -> done(MxAnswer.nodata(name))));
        }
        return live.map(l -> l.mx(name)).orElseGet(() -> done(MxAnswer.failure(name, DnsOutcome.REFUSED,
                NOT_LOOKED_UP)));
    }

    @Override
    public CompletionStage<AddressAnswer> addresses(DomainName host) {
        Objects.requireNonNull(host, "host");
        if (policyHost.filter(host::equals).isPresent()) {
            if (material.policyFetch().isPresent()) {
                return done(Placeholder.answer(host, "the supplied policy"));
            }
            return live.map(l -> l.addresses(host)).orElseGet(() -> done(AddressAnswer.nxdomain(host)));
        }
        if (live.isPresent()) {
            return live.get().addresses(host);
        }
        if (mxHosts.contains(host)) {
            return done(Placeholder.answer(host, "an MX host"));
        }
        return done(AddressAnswer.failure(host, DnsOutcome.REFUSED, NOT_LOOKED_UP));
    }

    @Override
    public CompletionStage<TlsaAnswer> tlsa(DomainName name) {
        Objects.requireNonNull(name, "name");
        return live.map(l -> l.tlsa(name)).orElseGet(() -> done(TlsaAnswer.failure(name, DnsOutcome.REFUSED,
                NOT_LOOKED_UP)));
    }

    @Override
    public String toString() {
        return "MaterialResolver[" + domain + ", " + material.supplied() + ", rest "
                + live.map(Object::toString).orElse("not looked up") + "]";
    }

    private MxAnswer mxAnswer(List<String> lines) {
        return MxAnswer.found(domain, lines.toArray(String[]::new));
    }

    private static <T> CompletionStage<T> done(T answer) {
        return CompletableFuture.completedFuture(answer);
    }

    /** @return the name below the domain, or empty when it would be longer than DNS allows */
    static Optional<DomainName> prefixed(DomainName domain, String labels) {
        return labels.length() + 1 + domain.value().length() > DomainName.MAX_LENGTH ? Optional.empty()
                : Optional.of(domain.prefixedWith(labels));
    }
}
