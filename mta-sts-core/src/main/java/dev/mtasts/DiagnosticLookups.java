package dev.mtasts;

import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.internal.RuaUris;
import dev.mtasts.record.StsRecord;
import dev.mtasts.record.TlsRptRecord;
import dev.mtasts.report.RuaDestination;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TxtRecord;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The look-ups of the deep diagnostics that depend on a layer's answer: the domain's own TXT records when
 * {@code _mta-sts} has no {@code v=STSv1} record, the draft-era {@code _smtp-tlsrpt} name when {@code _smtp._tls}
 * has no TLS-RPT record, and each TLS-RPT destination.
 *
 * <p>Each runs only when its question arises, so a deployment that is in order costs no query beyond the layers' own
 * except one per TLS-RPT destination elsewhere: the apex and the draft name are asked only when the record is
 * missing, and a {@code mailto:} destination at the policy domain itself reuses the domain's MX answer. Every
 * look-up goes through {@link ValidationRun#bounded} (the run's DNS limit and deadline), every HTTPS exchange has
 * what is left of the deadline, at most {@link #RUA_EXCHANGE_LIMIT}.
 */
final class DiagnosticLookups {

    /**
     * How many {@code rua} destinations are looked at, in record order: each costs up to two look-ups and, for
     * {@code https:}, one TLS handshake. Records in use list one to three; a hostile record of 64 KiB could list
     * thousands, and must not cost thousands of connections. Destinations past the limit are not looked at.
     */
    static final int RUA_DESTINATION_LIMIT = 5;

    /**
     * The longest an {@code https:} destination's exchange may take: enough for a TLS handshake across the world,
     * and short enough that the check never waits on a report endpoint longer than on the policy host.
     */
    static final Duration RUA_EXCHANGE_LIMIT = Duration.ofSeconds(10);

    private DiagnosticLookups() {
    }

    /**
     * @param run the validation
     * @param sts the {@code _mta-sts} TXT answer, empty when the name cannot exist
     * @return the domain's own TXT answer, looked up only when {@code _mta-sts} answered without any record that
     *         begins with {@code v=STSv1;}
     */
    static CompletableFuture<Optional<TxtAnswer>> apexTxt(ValidationRun run, Optional<TxtAnswer> sts) {
        if (offlineOnly(run) || sts.isEmpty() || sts.get().outcome().isFailure()
                || !StsRecord.select(strings(sts.get())).candidates().isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        DomainName domain = run.domain();
        return run.bounded(() -> run.config().resolver().txt(domain), domain, TxtAnswer::empty)
                .thenApply(Optional::of);
    }

    /**
     * @param run the validation
     * @param rpt the {@code _smtp._tls} TXT answer, empty when the name cannot exist
     * @return the TXT answer of {@code _smtp-tlsrpt.<domain>}, looked up only when {@code _smtp._tls} answered without
     *         any record that begins with {@code v=TLSRPTv1;}
     */
    static CompletableFuture<Optional<TxtAnswer>> legacyTlsRpt(ValidationRun run, Optional<TxtAnswer> rpt) {
        if (offlineOnly(run) || rpt.isEmpty() || rpt.get().outcome().isFailure()
                || !TlsRptRecord.select(strings(rpt.get())).candidates().isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return run.lookUp(run.prefixed("_smtp-tlsrpt"), n -> run.config().resolver().txt(n), TxtAnswer::empty);
    }

    /**
     * Looks at the first {@link #RUA_DESTINATION_LIMIT} distinct {@code mailto:} and {@code https:} destinations of
     * a valid TLS-RPT record: the MX answer of each mailbox's domain (with its addresses when it has no MX record),
     * the addresses of each endpoint and, when the address policy allows one, an HTTPS exchange with it. A mailbox
     * at the policy domain itself is not looked up again (its answer is {@code Observations.mx()}); an address
     * literal has no name to look up and is left out.
     *
     * @param run the validation
     * @param rpt the {@code _smtp._tls} TXT answer
     * @return what was seen of each destination, in record order; empty without a valid record
     */
    static CompletableFuture<List<RuaDestination>> ruaDestinations(ValidationRun run, Optional<TxtAnswer> rpt) {
        Optional<TlsRptRecord> record = rpt.filter(TxtAnswer::isFound)
                .flatMap(a -> TlsRptRecord.select(strings(a)).record());
        if (record.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        boolean offline = offlineOnly(run);   // then only mailboxes of the domain itself: they need no look-up
        Map<DomainName, CompletableFuture<MailDomain>> domains = new HashMap<>();
        List<CompletableFuture<RuaDestination>> each = new ArrayList<>();
        for (URI uri : new LinkedHashSet<>(record.get().rua())) {
            if (each.size() == RUA_DESTINATION_LIMIT) {
                break;
            }
            String text = uri.toString();
            if (RuaUris.isMailto(uri)) {
                RuaUris.mailtoDomain(uri).filter(d -> !offline || d.equals(run.domain())).ifPresent(d -> each.add(
                        d.equals(run.domain())
                        ? CompletableFuture.completedFuture(new RuaDestination(text, d, Optional.empty(),
                                Optional.empty(), List.of(), Optional.empty()))
                        : domains.computeIfAbsent(d, n -> mailDomain(run, n)).thenApply(m -> new RuaDestination(text,
                                d, Optional.of(m.mx()), m.addresses(), List.of(), Optional.empty()))));
            } else if (RuaUris.isHttps(uri) && !offline) {
                RuaUris.httpsHost(uri).ifPresent(h -> each.add(endpoint(run, uri, h)));
            }
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> each.stream().map(CompletableFuture::join).toList());
    }

    /** The MX answer of a mailbox's domain and, when it has no MX record, its addresses (the implicit MX). */
    private static CompletableFuture<MailDomain> mailDomain(ValidationRun run, DomainName domain) {
        return run.bounded(() -> run.config().resolver().mx(domain), domain, MxAnswer::empty).thenCompose(mx ->
                mx.outcome() != DnsOutcome.NODATA
                        ? CompletableFuture.completedFuture(new MailDomain(mx, Optional.empty()))
                        : run.bounded(() -> run.config().resolver().addresses(domain), domain, AddressAnswer::empty)
                                .thenApply(a -> new MailDomain(mx, Optional.of(a))));
    }

    private static CompletableFuture<RuaDestination> endpoint(ValidationRun run, URI uri, DomainName host) {
        return run.bounded(() -> run.config().resolver().addresses(host), host, AddressAnswer::empty)
                .thenCompose(answer -> {
                    ValidationRun.Vetted vetted = run.vet(answer, "TLS-RPT destination " + host);
                    if (vetted.allowed().isEmpty()) {
                        return CompletableFuture.completedFuture(new RuaDestination(uri.toString(), host,
                                Optional.empty(), Optional.of(answer), vetted.refused(), Optional.empty()));
                    }
                    return exchange(run, host, vetted.allowed(), RuaUris.httpsTarget(uri)).thenApply(f ->
                            new RuaDestination(uri.toString(), host, Optional.empty(), Optional.of(answer),
                                    vetted.refused(), Optional.of(f)));
                });
    }

    /**
     * A GET of the endpoint's path through the validator's {@code PolicyFetcher}: the same trust, SNI, host-name
     * check and caps as the policy fetch. Only its TLS facts count; its status does not (endpoints take reports by
     * POST and often answer a GET with 404 or 405). The body is dropped from what is kept.
     */
    private static CompletableFuture<PolicyFetch> exchange(ValidationRun run, DomainName host,
                                                           List<InetAddress> allowed, String target) {
        Duration budget = run.budget(RUA_EXCHANGE_LIMIT);
        return run.guardedFetch(new PolicyFetchRequest(host, allowed, target, budget), budget.toMillis() + 250,
                "TLS-RPT destination " + host).thenApply(DiagnosticLookups::withoutBody);
    }

    /** @return the exchange without its body and plain-HTTP diagnostic, which say nothing about report delivery */
    private static PolicyFetch withoutBody(PolicyFetch f) {
        return new PolicyFetch(f.outcome(), f.tlsFailure(), f.detail(), f.statusCode(), f.headers(), new byte[0],
                f.address(), f.failedAddresses(), f.tlsVersion(), f.cipherSuite(), f.certificates(), f.elapsed(),
                Optional.empty());
    }

    private static List<List<String>> strings(TxtAnswer answer) {
        return answer.records().stream().map(TxtRecord::strings).toList();
    }

    /** A mailbox domain's MX answer, and its address answer when it has no MX record. */
    private record MailDomain(MxAnswer mx, Optional<AddressAnswer> addresses) {
    }

    /**
     * An offline check that looks nothing up answers every name outside its material with "not looked up": the
     * diagnostics' look-ups would only report that, so they are not made (the material has no such names); a
     * mailbox of the domain itself is still judged, by the supplied MX records.
     */
    private static boolean offlineOnly(ValidationRun run) {
        return run.config().resolver() instanceof MaterialResolver material && material.answersOnlyFromMaterial();
    }
}
