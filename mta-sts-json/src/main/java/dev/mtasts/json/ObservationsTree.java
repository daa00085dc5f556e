package dev.mtasts.json;

import static dev.mtasts.json.ReportTree.NODES;
import static dev.mtasts.json.ReportTree.seconds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.fetcher.AddressFailure;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.PlainHttpProbe;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.report.DiagnosticObservations;
import dev.mtasts.report.MxHostObservation;
import dev.mtasts.report.Observations;
import dev.mtasts.report.RuaDestination;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsAnswer;
import dev.mtasts.resolver.DnsResult;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.MxRecord;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TlsaRecord;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TxtRecord;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

/**
 * The observations of a report as a tree: {@code dns[]} (each look-up, with its {@code records} in one shape
 * for every record type: the domain's, then each MX host's addresses and TLSA records, then the deep diagnostics'
 * look-ups), {@code refusedAddresses[]}, {@code fetch}, {@code fetchesByAddress[]} and {@code ruaDestinations[]}
 * (empty where the diagnostics made none). Stateless.
 */
final class ObservationsTree {

    private ObservationsTree() {
    }

    static void addTo(ObjectNode root, Observations observations, Instant checkedAt) {
        ArrayNode dns = root.putArray("dns");
        observations.stsTxt().ifPresent(a -> dns.add(lookup("STS_RECORD", a)));
        dns.add(lookup("MX", observations.mx()));
        observations.tlsRptTxt().ifPresent(a -> dns.add(lookup("TLS_RPT_RECORD", a)));
        observations.policyHostAddresses().ifPresent(a -> dns.add(lookup("POLICY_HOST", a)));
        for (MxHostObservation host : observations.mxHosts()) {
            host.addresses().ifPresent(a -> dns.add(lookup("MX_HOST", a)));
            host.tlsa().ifPresent(a -> dns.add(lookup("TLSA", a)));
        }

        DiagnosticObservations diagnostics = observations.diagnostics();
        diagnostics.apexTxt().ifPresent(a -> dns.add(lookup("APEX_TXT", a)));
        diagnostics.legacyTlsRptTxt().ifPresent(a -> dns.add(lookup("LEGACY_TLS_RPT_RECORD", a)));
        for (RuaDestination destination : diagnostics.ruaDestinations()) {
            destination.mx().ifPresent(a -> dns.add(lookup("RUA_DESTINATION", a)));
            destination.addresses().ifPresent(a -> dns.add(lookup("RUA_DESTINATION", a)));
        }

        root.set("refusedAddresses", MxHostTree.refused(observations.refusedAddresses()));

        observations.policyFetch().ifPresent(f -> root.set("fetch", fetch(f, checkedAt)));
        ArrayNode byAddress = root.putArray("fetchesByAddress");
        diagnostics.policyFetchesByAddress().forEach(f -> byAddress.add(fetch(f, checkedAt)));
        ArrayNode destinations = root.putArray("ruaDestinations");
        for (RuaDestination destination : diagnostics.ruaDestinations()) {
            ObjectNode d = destinations.addObject();
            d.put("uri", destination.uri());
            d.put("host", destination.host().value());
            d.set("refusedAddresses", MxHostTree.refused(destination.refusedAddresses()));
            destination.exchange().ifPresent(f -> d.set("exchange", fetch(f, checkedAt)));
        }
    }

    /**
     * One look-up. Every record is {@code {"type", "value", ...}}: {@code value} is the record in one string
     * (a TXT record's strings joined, {@code "10 mx1.example.com"}, {@code "3 1 1 0c72..."}, {@code "192.0.2.1"}),
     * and the typed fields follow ({@code strings} for TXT, {@code preference} and {@code host} for MX,
     * {@code usage}, {@code selector}, {@code matchingType} and {@code data} for TLSA).
     */
    private static ObjectNode lookup(String purpose, DnsAnswer answer) {
        DnsResult result = answer.result();
        ObjectNode node = NODES.objectNode();
        node.put("purpose", purpose);
        node.put("name", result.name().value());
        node.put("type", type(answer));
        node.put("outcome", result.outcome().name());
        node.put("ttl", result.ttl().getSeconds());
        node.put("authenticated", result.authenticated());
        ArrayNode chain = node.putArray("cnameChain");
        result.cnameChain().forEach(n -> chain.add(n.value()));
        result.server().ifPresent(s -> node.set("server", server(s)));
        ReportTree.put(node, "detail", result.detail());
        node.put("elapsed", seconds(result.elapsed()));
        ArrayNode records = node.putArray("records");
        if (answer instanceof TxtAnswer txt) {
            for (TxtRecord record : txt.records()) {
                ObjectNode r = records.addObject();
                r.put("type", "TXT");
                r.put("value", record.joined());
                ArrayNode strings = r.putArray("strings");
                record.strings().forEach(strings::add);
            }
        } else if (answer instanceof MxAnswer mx) {
            for (MxRecord record : mx.records()) {
                ObjectNode r = records.addObject();
                r.put("type", "MX");
                r.put("value", record.preference() + " " + record.host().value());
                r.put("preference", record.preference());
                r.put("host", record.host().value());
            }
            node.put("nullMx", mx.nullMx());
            ArrayNode invalid = node.putArray("invalidHosts");
            mx.invalidHosts().forEach(invalid::add);
        } else if (answer instanceof TlsaAnswer tlsa) {
            for (TlsaRecord record : tlsa.records()) {
                ObjectNode r = records.addObject();
                r.put("type", "TLSA");
                r.put("value", record.toString());
                r.put("usage", record.usage());
                r.put("selector", record.selector());
                r.put("matchingType", record.matchingType());
                r.put("data", record.data());
            }
        } else if (answer instanceof AddressAnswer addresses) {
            for (InetAddress address : addresses.addresses()) {
                ObjectNode r = records.addObject();
                r.put("type", address instanceof Inet4Address ? "A" : "AAAA");
                r.put("value", address.getHostAddress());
            }
        }
        return node;
    }

    /** What a look-up asked for: {@code TXT}, {@code MX}, {@code TLSA}, or {@code A/AAAA} for both address types. */
    private static String type(DnsAnswer answer) {
        if (answer instanceof TxtAnswer) {
            return "TXT";
        }
        if (answer instanceof MxAnswer) {
            return "MX";
        }
        return answer instanceof TlsaAnswer ? "TLSA" : "A/AAAA";
    }

    private static ObjectNode server(InetSocketAddress server) {
        ObjectNode node = NODES.objectNode();
        node.put("address", address(server));
        node.put("port", server.getPort());
        return node;
    }

    /** The IP address as text ({@code 192.0.2.1}, {@code 2001:db8:0:0:0:0:0:1}); the host string if unresolved. */
    private static String address(InetSocketAddress socket) {
        return socket.getAddress() != null ? socket.getAddress().getHostAddress() : socket.getHostString();
    }

    /**
     * The policy fetch, every fact the fetcher observed: the HTTP answer, the redirect target, the TLS session and
     * the certificate chain (days left counted from {@code checkedAt}), the addresses that failed and the
     * plain-HTTP diagnostic.
     */
    private static ObjectNode fetch(PolicyFetch fetch, Instant checkedAt) {
        ObjectNode node = NODES.objectNode();
        node.put("outcome", fetch.outcome().name());
        fetch.tlsFailure().ifPresent(c -> node.put("tlsFailure", c.name()));
        fetch.statusCode().ifPresent(code -> node.put("status", code));
        fetch.contentType().ifPresent(t -> node.put("contentType", t));
        fetch.location().ifPresent(l -> node.put("location", l));
        fetch.tlsVersion().ifPresent(v -> node.put("tlsVersion", v));
        fetch.cipherSuite().ifPresent(c -> node.put("cipherSuite", c));
        fetch.address().ifPresent(a -> {
            node.put("address", address(a));
            node.put("port", a.getPort());
        });
        if (!fetch.detail().isEmpty()) {
            node.put("detail", fetch.detail());
        }
        node.put("bodySize", fetch.bodySize());
        node.put("elapsed", seconds(fetch.elapsed()));
        node.set("certificates", certificates(fetch.certificates(), checkedAt));
        ArrayNode failed = node.putArray("failedAddresses");
        for (AddressFailure failure : fetch.failedAddresses()) {
            ObjectNode f = failed.addObject();
            f.put("address", address(failure.address()));
            f.put("port", failure.address().getPort());
            f.put("reason", failure.reason());
        }
        fetch.plainHttp().ifPresent(probe -> node.set("plainHttp", plainHttp(probe)));
        return node;
    }

    /**
     * A certificate chain, leaf first, each with its days left from {@code checkedAt}: {@code fetch.certificates}
     * and {@code mx[].probe.addresses[].certificates} alike.
     */
    static ArrayNode certificates(List<CertificateFacts> chain, Instant checkedAt) {
        ArrayNode array = NODES.arrayNode();
        chain.forEach(c -> array.add(certificate(c, checkedAt)));
        return array;
    }

    private static ObjectNode certificate(CertificateFacts certificate, Instant checkedAt) {
        ObjectNode node = NODES.objectNode();
        node.put("subject", certificate.subject());
        node.put("issuer", certificate.issuer());
        ArrayNode names = node.putArray("dnsNames");
        certificate.dnsNames().forEach(names::add);
        node.put("notBefore", certificate.notBefore().toString());
        node.put("notAfter", certificate.notAfter().toString());
        node.put("daysLeft", certificate.daysLeft(checkedAt));
        node.put("serialNumber", certificate.serialNumber());
        if (!certificate.sha256Fingerprint().isEmpty()) {
            node.put("sha256Fingerprint", certificate.sha256Fingerprint());
        }
        return node;
    }

    private static ObjectNode plainHttp(PlainHttpProbe probe) {
        PolicyFetch fetch = probe.fetch();
        ObjectNode node = NODES.objectNode();
        node.put("outcome", fetch.outcome().name());
        fetch.statusCode().ifPresent(code -> node.put("status", code));
        node.put("policyServed", probe.policyServed());
        fetch.contentType().ifPresent(t -> node.put("contentType", t));
        fetch.location().ifPresent(l -> node.put("location", l));
        if (!fetch.detail().isEmpty()) {
            node.put("detail", fetch.detail());
        }
        return node;
    }
}
