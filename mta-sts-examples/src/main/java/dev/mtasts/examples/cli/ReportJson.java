package dev.mtasts.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.fetcher.AddressFailure;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.PlainHttpProbe;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.report.Finding;
import dev.mtasts.report.LayerResult;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.Observations;
import dev.mtasts.report.Remediation;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsAnswer;
import dev.mtasts.resolver.DnsResult;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.MxRecord;
import dev.mtasts.resolver.TxtAnswer;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * The JSON form of a {@link ValidationReport}, as documented in this module's README: written out field by field
 * (the core types carry no Jackson annotations), so the schema is visible in one place and stays stable.
 * Fields that do not apply are absent, never {@code null}. Thread-safe.
 */
public final class ReportJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    /**
     * @param report a report
     * @return its JSON tree
     */
    public static ObjectNode toTree(ValidationReport report) {
        ObjectNode root = NODES.objectNode();
        root.put("domain", report.domain().value());
        root.put("checkedAt", report.checkedAt().toString());
        root.put("elapsedMs", report.elapsed().toMillis());
        root.put("verdict", report.verdict().name());
        root.put("atRisk", report.atRisk());
        if (report.inconclusive()) {
            root.put("inconclusive", true);
        }
        if (ExitCodes.couldNotRun(report)) {
            root.put("couldNotRun", true);
        }

        ObjectNode promotion = root.putObject("promotion");
        promotion.put("status", report.promotion().status().name());
        ArrayNode blockers = promotion.putArray("blockers");
        report.promotion().blockers().stream().map(f -> f.code().name()).distinct().forEach(blockers::add);
        promotion.put("advice", report.promotion().advice());

        ArrayNode layers = root.putArray("layers");
        for (LayerResult layer : report.layers()) {
            ObjectNode node = layers.addObject();
            node.put("layer", layer.layer().name());
            node.put("status", layer.status().name());
            layer.note().ifPresent(n -> node.put("note", n));
        }

        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            findings.add(finding(finding));
        }

        report.stsRecord().ifPresent(r -> root.put("stsRecord", r.toText()));
        report.policy().ifPresent(p -> root.set("policy", policy(p)));
        report.tlsRptRecord().ifPresent(r -> root.put("tlsRptRecord", r.toText()));
        report.observations().policyFetch().ifPresent(f -> root.set("fetch", fetch(f, report.checkedAt())));
        root.set("dns", dns(report.observations()));

        ArrayNode mx = root.putArray("mx");
        for (MxHostResult host : report.mxHosts()) {
            ObjectNode node = mx.addObject();
            node.put("host", host.host().value());
            node.put("preference", host.preference());
            node.put("covered", host.covered());
            host.matchedBy().ifPresent(p -> node.put("matchedBy", p.text()));
        }

        root.set("remediation", remediation(report.remediation()));
        report.snapshot().ifPresent(s -> root.put("snapshot", s.toLine()));
        return root;
    }

    /**
     * @param finding a finding
     * @return its JSON object
     */
    public static ObjectNode finding(Finding finding) {
        ObjectNode node = NODES.objectNode();
        node.put("code", finding.code().name());
        node.put("severity", finding.severity().name());
        node.put("layer", finding.layer().name());
        node.put("message", finding.message());
        node.put("remediation", finding.remediation());
        finding.subject().ifPresent(s -> node.put("subject", s));
        finding.problem().ifPresent(p -> node.put("problem", p.name()));
        node.put("reference", finding.code().reference());
        return node;
    }

    private static ObjectNode policy(MtaStsPolicy policy) {
        ObjectNode node = NODES.objectNode();
        node.put("mode", policy.mode().token());
        node.put("maxAge", policy.maxAgeSeconds());
        ArrayNode mx = node.putArray("mx");
        policy.mx().stream().map(MxPattern::text).forEach(mx::add);
        return node;
    }

    /**
     * The policy fetch, every fact the fetcher observed: the HTTP answer, the redirect target, the TLS session and
     * the certificate chain (with days left counted from {@code checkedAt}), the addresses that failed and the
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
            node.put("address", a.getAddress().getHostAddress());
            node.put("port", a.getPort());
        });
        if (!fetch.detail().isEmpty()) {
            node.put("detail", fetch.detail());
        }
        node.put("bodySize", fetch.bodySize());
        node.put("elapsedMs", fetch.elapsed().toMillis());
        if (!fetch.certificates().isEmpty()) {
            ArrayNode chain = node.putArray("certificates");
            fetch.certificates().forEach(c -> chain.add(certificate(c, checkedAt)));
        }
        if (!fetch.failedAddresses().isEmpty()) {
            ArrayNode failed = node.putArray("failedAddresses");
            for (AddressFailure failure : fetch.failedAddresses()) {
                ObjectNode f = failed.addObject();
                f.put("address", failure.address().getAddress().getHostAddress());
                f.put("port", failure.address().getPort());
                f.put("reason", failure.reason());
            }
        }
        fetch.plainHttp().ifPresent(probe -> node.set("plainHttp", plainHttp(probe)));
        return node;
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

    /** Each DNS look-up the validation made, in the order of the layers; a look-up that did not run is absent. */
    private static ArrayNode dns(Observations observations) {
        ArrayNode list = NODES.arrayNode();
        observations.stsTxt().ifPresent(a -> list.add(lookup(a, "TXT")));
        list.add(lookup(observations.mx(), "MX"));
        observations.tlsRptTxt().ifPresent(a -> list.add(lookup(a, "TXT")));
        observations.policyHostAddresses().ifPresent(a -> list.add(lookup(a, "A/AAAA")));
        return list;
    }

    private static ObjectNode lookup(DnsAnswer answer, String type) {
        DnsResult result = answer.result();
        ObjectNode node = NODES.objectNode();
        node.put("name", result.name().value());
        node.put("type", type);
        node.put("outcome", result.outcome().name());
        node.put("ttlSeconds", result.ttl().getSeconds());
        node.put("authenticated", result.authenticated());
        ArrayNode chain = node.putArray("cnameChain");
        result.cnameChain().forEach(n -> chain.add(n.value()));
        result.server().ifPresent(s -> node.put("server", hostAndPort(s)));
        result.detail().ifPresent(d -> node.put("detail", d));
        node.put("elapsedMs", result.elapsed().toMillis());
        if (answer instanceof TxtAnswer) {
            ArrayNode records = node.putArray("records");
            ((TxtAnswer) answer).joined().forEach(records::add);
        } else if (answer instanceof MxAnswer) {
            MxAnswer mx = (MxAnswer) answer;
            ArrayNode records = node.putArray("records");
            for (MxRecord record : mx.records()) {
                ObjectNode r = records.addObject();
                r.put("preference", record.preference());
                r.put("host", record.host().value());
            }
            if (mx.nullMx()) {
                node.put("nullMx", true);
            }
            if (!mx.invalidHosts().isEmpty()) {
                ArrayNode invalid = node.putArray("invalidHosts");
                mx.invalidHosts().forEach(invalid::add);
            }
        } else if (answer instanceof AddressAnswer) {
            ArrayNode addresses = node.putArray("addresses");
            ((AddressAnswer) answer).addresses().forEach(a -> addresses.add(a.getHostAddress()));
        }
        return node;
    }

    /** {@code 192.0.2.53:53}, {@code [2001:db8::53]:53}. */
    private static String hostAndPort(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static ObjectNode remediation(Remediation remediation) {
        ObjectNode node = NODES.objectNode();
        put(node, "stsRecord", remediation.stsRecord());
        put(node, "policy", remediation.policy());
        put(node, "tlsRptRecord", remediation.tlsRptRecord());
        put(node, "enforcePolicy", remediation.enforcePolicy());
        put(node, "enforceStsRecord", remediation.enforceStsRecord());
        remediation.suggestedMaxAge().ifPresent(d -> node.put("suggestedMaxAge", d.getSeconds()));
        return node;
    }

    private static void put(ObjectNode node, String name, Optional<String> value) {
        value.ifPresent(v -> node.put(name, v));
    }

    /**
     * An input line that is not a domain, in {@code scan} output: nothing is lost.
     *
     * @param input the line as read
     * @param error why it is not checked
     * @return {@code {"input": ..., "error": ...}}
     */
    public static ObjectNode inputError(String input, String error) {
        ObjectNode node = NODES.objectNode();
        node.put("input", input);
        node.put("error", error);
        return node;
    }

    /** @return an empty array node */
    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * @param node a tree
     * @return it on one line (JSON Lines)
     */
    public static String compact(Object node) {
        return write(COMPACT, node);
    }

    /**
     * @param node a tree
     * @return it indented, for people
     */
    public static String pretty(Object node) {
        return write(PRETTY, node);
    }

    private static String write(ObjectMapper mapper, Object node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
