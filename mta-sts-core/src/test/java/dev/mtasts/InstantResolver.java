package dev.mtasts;

import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A resolver for tests without a network module: it answers every look-up at once, NXDOMAIN for the TXT records
 * and the policy host (so no fetch is attempted), and for MX NXDOMAIN or NODATA as chosen.
 */
final class InstantResolver implements DnsResolver {

    /** The domain does not exist either. */
    static final DnsResolver NOTHING = new InstantResolver(false);

    /** The domain exists, without MX records, MTA-STS or TLS-RPT. */
    static final DnsResolver NOT_DEPLOYED = new InstantResolver(true);

    private final boolean domainExists;

    private InstantResolver(boolean domainExists) {
        this.domainExists = domainExists;
    }

    @Override
    public CompletionStage<TxtAnswer> txt(DomainName name) {
        return CompletableFuture.completedFuture(TxtAnswer.nxdomain(name));
    }

    @Override
    public CompletionStage<MxAnswer> mx(DomainName domain) {
        return CompletableFuture.completedFuture(domainExists ? MxAnswer.nodata(domain) : MxAnswer.nxdomain(domain));
    }

    @Override
    public CompletionStage<AddressAnswer> addresses(DomainName host) {
        return CompletableFuture.completedFuture(AddressAnswer.nxdomain(host));
    }
}
