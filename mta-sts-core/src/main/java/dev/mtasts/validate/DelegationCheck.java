package dev.mtasts.validate;

import dev.mtasts.Severity;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Observations;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResult;
import java.util.Objects;
import java.util.Optional;

/**
 * Deep diagnostics of the names (RFC 8461 §8.2): the CNAME chains of {@code _mta-sts.<domain>} and
 * {@code mta-sts.<domain>}, shown ({@code CNAME_DELEGATED}, with whether the provider's certificate covers the policy
 * host) or flagged when they end at a name that does not exist ({@code CNAME_DANGLING}); then, through
 * {@link MisplacedRecordCheck}, a {@code v=STSv1} record at the apex and unrelated records at {@code _mta-sts}.
 *
 * <p>Severity of a dangling alias, by the severity rule: an {@code ERROR} when it leaves a policy that senders
 * would otherwise use unreachable now (the policy host's alias while a valid record announces a policy; the record's
 * alias while a valid policy is served, which senders then never fetch); otherwise a {@code WARNING}: no mail is
 * affected today, but whoever claims the target name can answer for this domain.
 */
final class DelegationCheck {

    private final PolicyNames names;
    private final FindingList findings;

    DelegationCheck(PolicyNames names, FindingList findings) {
        this.names = Objects.requireNonNull(names, "names");
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    void check(DiagnosticInput input) {
        Objects.requireNonNull(input, "input");
        Observations seen = input.observations();
        seen.stsTxt().ifPresent(a -> record(a.result(), input));
        seen.policyHostAddresses().ifPresent(a -> policyHost(a.result(), seen.policyFetch(), input));
        new MisplacedRecordCheck(names, findings).check(input);
    }

    private void record(DnsResult result, DiagnosticInput input) {
        if (result.cnameChain().isEmpty()) {
            return;
        }
        String name = names.stsRecord();
        String chain = AliasWording.chain(name, result.cnameChain());
        String target = result.canonicalName().value();
        String subject = "dns:" + name + " CNAME";
        if (result.outcome() == DnsOutcome.NXDOMAIN) {
            boolean served = input.policy().valid().isPresent();
            findings.add(FindingCode.CNAME_DANGLING, served ? Severity.ERROR : Severity.WARNING, subject, name
                    + " is a CNAME to a name that does not exist: " + chain + " (NXDOMAIN); whoever registers or claims "
                    + target + " can publish an MTA-STS record for " + names.domain() + (served
                    ? ", and until then senders find no record, so they ignore the valid policy served at "
                    + names.policyUrl() : "; no policy is served, so no mail is affected today") + ".",
                    "Remove the CNAME at " + name + ", or point it at a name that exists and that you or your provider"
                            + " control, holding the v=STSv1 record shown in the remediation.");
            return;
        }
        String end = switch (result.outcome()) {
            case FOUND -> "senders follow the alias and read the record at " + target;
            case NODATA -> target + " holds no TXT record";
            default -> "the look-up of " + target + " failed with " + DnsWording.failure(result);
        };
        findings.add(FindingCode.CNAME_DELEGATED, Severity.INFO, subject, name + " is delegated by CNAME (RFC 8461"
                + " §8.2): " + chain + "; " + end + ".", keepAlias(name, target));
    }

    private void policyHost(DnsResult result, Optional<PolicyFetch> fetch, DiagnosticInput input) {
        if (result.cnameChain().isEmpty()) {
            return;
        }
        String host = names.policyHost();
        String chain = AliasWording.chain(host, result.cnameChain());
        String target = result.canonicalName().value();
        String subject = "dns:" + host + " CNAME";
        if (result.outcome() == DnsOutcome.NXDOMAIN) {
            boolean announced = input.record().state() == RecordState.FOUND;
            findings.add(FindingCode.CNAME_DANGLING, announced ? Severity.ERROR : Severity.WARNING, subject, host
                    + " is a CNAME to a name that does not exist: " + chain + " (NXDOMAIN); whoever registers or claims "
                    + target + " can get a certificate for " + host + " and serve a policy for " + names.domain()
                    + (announced ? ", and until then senders cannot fetch the policy the _mta-sts record announces,"
                    + " so they apply none" : "; no record announces a policy, so no mail is affected today") + ".",
                    "Remove the CNAME at " + host + ", or point it at a host that exists and serves your policy with a"
                            + " certificate for " + host + (announced ? "." : "; remove it together with any"
                            + " _mta-sts record when you retire MTA-STS."));
            return;
        }
        String end = switch (result.outcome()) {
            case FOUND -> certificate(fetch);
            case NODATA -> target + " has no A or AAAA record";
            default -> "the look-up of " + target + " failed with " + DnsWording.failure(result);
        };
        findings.add(FindingCode.CNAME_DELEGATED, Severity.INFO, subject, host + " is delegated by CNAME (RFC 8461"
                + " §8.2): " + chain + "; " + end + ".", keepAlias(host, target));
    }

    /** @return what the provider behind the alias presents, as far as the fetch saw it */
    private String certificate(Optional<PolicyFetch> fetch) {
        String host = names.policyHost();
        if (fetch.isEmpty()) {
            return "senders connect to the provider's addresses and send SNI " + host;
        }
        PolicyFetch f = fetch.get();
        if (f.outcome() == FetchOutcome.TLS_FAILURE) {
            boolean mismatch = f.tlsFailure().orElse(TlsFailureCategory.HANDSHAKE)
                    == TlsFailureCategory.HOSTNAME_MISMATCH;
            return mismatch ? "the provider presents a certificate for " + names(f) + ", which does not cover " + host
                    + " (see POLICY_TLS_HOSTNAME_MISMATCH)"
                    : "the provider's certificate could not be verified (see the POLICY_FETCH findings)";
        }
        if (f.tlsVersion().isPresent()) {
            return "the provider presents a certificate valid for " + host + ", as senders require";
        }
        return "the provider's certificate was not seen: the connection ended before TLS";
    }

    private static String names(PolicyFetch f) {
        return f.certificates().stream().findFirst().map(CertificateFacts::dnsNames)
                .map(n -> n.isEmpty() ? "no DNS name" : String.join(", ", n)).orElse("other names");
    }

    private static String keepAlias(String name, String target) {
        return "Nothing to fix while the provider serves this domain; when you leave it, remove the CNAME at " + name
                + " before the provider gives up " + target + ", so that no one else can answer for this name.";
    }
}
