package dev.mtasts;

import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.DnsAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a {@link ValidationListener}, logging and swallowing whatever it throws, so it never breaks a validation. */
final class SafeListener {

    private static final Logger LOG = LoggerFactory.getLogger(ValidationListener.class);

    private final ValidationListener listener;

    SafeListener(ValidationListener listener) {
        this.listener = listener;
    }

    void validationStarted(DomainName domain) {
        call("validationStarted", () -> listener.validationStarted(domain));
    }

    void dnsAnswered(DomainName domain, DnsAnswer answer) {
        call("dnsAnswered", () -> listener.dnsAnswered(domain, answer));
    }

    void policyFetchStarted(DomainName domain, PolicyFetchRequest request) {
        call("policyFetchStarted", () -> listener.policyFetchStarted(domain, request));
    }

    void policyFetchEnded(DomainName domain, PolicyFetch fetch) {
        call("policyFetchEnded", () -> listener.policyFetchEnded(domain, fetch));
    }

    void policyAddressFetchEnded(DomainName domain, java.net.InetAddress address, PolicyFetch fetch) {
        call("policyAddressFetchEnded", () -> listener.policyAddressFetchEnded(domain, address, fetch));
    }

    void mxProbeEnded(DomainName domain, dev.mtasts.probe.MxProbe probe) {
        call("mxProbeEnded", () -> listener.mxProbeEnded(domain, probe));
    }

    void validationEnded(ValidationReport report) {
        call("validationEnded", () -> listener.validationEnded(report));
    }

    private void call(String event, Runnable call) {
        if (listener == ValidationListener.NONE) {
            return;
        }
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("validation listener {} threw in {}; ignored", listener.getClass().getName(), event, e);
        }
    }
}
