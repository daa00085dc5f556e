/**
 * mta-sts-core: models, RFC 8461 / RFC 8460 parsers, MX matching, the SPIs and the validator.
 *
 * <p>Exports only the API packages; the layer checks ({@code dev.mtasts.validate}) stay inside. The network
 * modules plug in through the SPIs, found with {@link java.util.ServiceLoader}.
 */
module dev.mtasts {
    requires org.slf4j;

    exports dev.mtasts;
    exports dev.mtasts.policy;
    exports dev.mtasts.record;
    exports dev.mtasts.report;
    exports dev.mtasts.resolver;
    exports dev.mtasts.fetcher;
    exports dev.mtasts.probe;
    exports dev.mtasts.plan;
    exports dev.mtasts.internal to dev.mtasts.dns, dev.mtasts.http, dev.mtasts.smtp;
    exports dev.mtasts.internal.tls to dev.mtasts.http, dev.mtasts.smtp;

    uses dev.mtasts.resolver.DnsResolverFactory;
    uses dev.mtasts.fetcher.PolicyFetcherFactory;
    uses dev.mtasts.probe.MxTlsProbeFactory;
}
