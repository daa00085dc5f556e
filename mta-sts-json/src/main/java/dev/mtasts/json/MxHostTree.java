package dev.mtasts.json;

import static dev.mtasts.json.ReportTree.NODES;
import static dev.mtasts.json.ReportTree.seconds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.policy.MxMatchExplanation;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.report.DaneResult;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.RefusedAddress;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;

/**
 * One entry of {@code mx[]}: the host's coverage by the policy and why ({@code match}), its resolved addresses ({@code addressOutcome},
 * {@code addresses}), the addresses the address policy refused ({@code refused}), and where a probe ran, the
 * STARTTLS {@code probe} (per address, with the certificate chain written as the policy fetch's is) and the
 * {@code dane} check. Stateless.
 */
final class MxHostTree {

    private MxHostTree() {
    }

    static ObjectNode of(MxHostResult host, Instant checkedAt) {
        ObjectNode node = NODES.objectNode();
        node.put("host", host.host().value());
        node.put("preference", host.preference());
        node.put("covered", host.covered());
        host.matchedBy().ifPresent(p -> node.put("matchedBy", p.text()));
        node.set("match", match(host.match()));
        host.addresses().ifPresent(a -> node.put("addressOutcome", a.result().outcome().name()));
        ArrayNode addresses = node.putArray("addresses");
        host.addresses().ifPresent(a -> a.addresses().forEach(ip -> addresses.add(ip.getHostAddress())));
        node.set("refused", refused(host.refused()));
        host.probe().ifPresent(p -> node.set("probe", probe(p, checkedAt)));
        host.dane().ifPresent(d -> node.set("dane", dane(d)));
        return node;
    }

    /**
     * Why the host is covered or not: {@code {kind, pattern, label, explanation}}, the pattern and the label only
     * where the kind has one ({@link MxMatchExplanation.Kind}).
     */
    private static ObjectNode match(MxMatchExplanation match) {
        ObjectNode node = NODES.objectNode();
        node.put("kind", match.kind().name());
        match.pattern().ifPresent(p -> node.put("pattern", p.text()));
        match.label().ifPresent(l -> node.put("label", l));
        node.put("explanation", match.text());
        return node;
    }

    /** Addresses the address policy refused, each {@code {address, reason}}: {@code mx[].refused} and the root's. */
    static ArrayNode refused(List<RefusedAddress> refused) {
        ArrayNode array = NODES.arrayNode();
        for (RefusedAddress address : refused) {
            ObjectNode node = array.addObject();
            node.put("address", address.address().getHostAddress());
            node.put("reason", address.reason());
        }
        return array;
    }

    /**
     * The probe of one host: its worst outcome as {@code result} (with that address's detail), each address, and
     * the addresses whose outcome differs from their siblings'.
     */
    private static ObjectNode probe(MxProbe probe, Instant checkedAt) {
        ObjectNode node = NODES.objectNode();
        node.put("result", probe.outcome().name());
        String detail = probe.worst().detail();
        if (!detail.isEmpty()) {
            node.put("detail", detail);
        }
        ArrayNode addresses = node.putArray("addresses");
        probe.addresses().forEach(a -> addresses.add(address(a, checkedAt)));
        ArrayNode differing = node.putArray("differing");
        probe.differing().forEach(a -> differing.add(a.address().getHostAddress()));
        return node;
    }

    private static ObjectNode address(AddressProbe probe, Instant checkedAt) {
        ObjectNode node = NODES.objectNode();
        InetAddress address = probe.address();
        node.put("address", address.getHostAddress());
        node.put("family", probe.isIpv6() ? "IPv6" : "IPv4");
        node.put("result", probe.outcome().name());
        node.put("connected", probe.connected());
        probe.tlsFailure().ifPresent(c -> node.put("tlsFailure", c.name()));
        if (!probe.detail().isEmpty()) {
            node.put("detail", probe.detail());
        }
        ReportTree.put(node, "greeting", probe.greeting());
        ArrayNode extensions = node.putArray("extensions");
        probe.extensions().forEach(extensions::add);
        ReportTree.put(node, "tlsVersion", probe.tlsVersion());
        ReportTree.put(node, "cipherSuite", probe.cipherSuite());
        node.set("certificates", ObservationsTree.certificates(probe.certificates(), checkedAt));
        probe.leaf().ifPresent(leaf -> node.put("daysLeft", leaf.daysLeft(checkedAt)));
        node.put("elapsed", seconds(probe.elapsed()));
        return node;
    }

    private static ObjectNode dane(DaneResult dane) {
        ObjectNode node = NODES.objectNode();
        node.put("status", dane.status().name());
        if (!dane.detail().isEmpty()) {
            node.put("detail", dane.detail());
        }
        node.put("authenticated", dane.tlsa().result().authenticated());
        ArrayNode records = node.putArray("records");
        dane.tlsa().records().forEach(r -> records.add(r.toString()));
        ArrayNode matched = node.putArray("matched");
        dane.matched().forEach(r -> matched.add(r.toString()));
        node.put("rolloverReady", dane.rolloverReady());
        return node;
    }
}
