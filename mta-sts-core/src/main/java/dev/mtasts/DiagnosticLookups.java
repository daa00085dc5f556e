package dev.mtasts;

import dev.mtasts.report.RuaDestination;
import dev.mtasts.resolver.TxtAnswer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The look-ups of the deep diagnostics that depend on a layer's answer: the domain's own TXT records when
 * {@code _mta-sts} has no {@code v=STSv1} record, the draft-era {@code _smtp-tlsrpt} name when {@code _smtp._tls}
 * has no TLS-RPT record, and each TLS-RPT destination. (Scaffold.)
 */
final class DiagnosticLookups {

    private DiagnosticLookups() {
    }

    static CompletableFuture<Optional<TxtAnswer>> apexTxt(ValidationRun run, Optional<TxtAnswer> sts) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    static CompletableFuture<Optional<TxtAnswer>> legacyTlsRpt(ValidationRun run, Optional<TxtAnswer> rpt) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    static CompletableFuture<List<RuaDestination>> ruaDestinations(ValidationRun run, Optional<TxtAnswer> rpt) {
        return CompletableFuture.completedFuture(List.of());
    }
}
