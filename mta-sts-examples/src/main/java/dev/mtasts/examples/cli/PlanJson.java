package dev.mtasts.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.DomainName;
import dev.mtasts.plan.ChangePlan;
import dev.mtasts.plan.HostRisk;
import dev.mtasts.plan.PlanBlocker;
import dev.mtasts.plan.PlanStep;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import java.util.List;

/**
 * {@code plan --json}: a {@link ChangePlan} as one JSON object. Dates are UTC ISO-8601 strings, durations whole
 * seconds, enums their names; a policy is both its fields and its exact text ({@code "text"}, CRLF line ends), a
 * record its exact text. Thread-safe.
 *
 * <pre>
 * {"domain": "example.com", "plannedAt": "2026-12-01T10:00:00Z", "status": "STAGED", "summary": "...",
 *  "refusesMailIfDoneAtOnce": true,
 *  "current": {"policy": {...}, "id": "20261101T000000", "mx": ["mx1.example.com"]},
 *  "newMx": ["mx2.example.com"],
 *  "risk": {"cachedMode": "enforce", "cachedUntil": "...", "summary": "...",
 *           "hosts": [{"host": "mx2.example.com", "action": "REFUSE", "cause": "CACHED_POLICY_MISSES_NEW_MX",
 *                      "until": "..."}]},
 *  "steps": [{"number": 1, "kind": "PUBLISH_POLICY", "earliest": "...", "instruction": "...", "reason": "...",
 *             "policy": {"mode": "enforce", "maxAge": 604800, "mx": [...], "text": "version: STSv1\r\n..."},
 *             "stsRecord": "v=STSv1; id=20261201T100000"}, ...],
 *  "blockers": [], "notes": ["..."]}
 * </pre>
 */
final class PlanJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    /** @return the plan as indented JSON */
    static String pretty(ChangePlan plan) {
        try {
            return MAPPER.writeValueAsString(tree(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always writes", e);
        }
    }

    static ObjectNode tree(ChangePlan plan) {
        ObjectNode root = NODES.objectNode();
        root.put("domain", plan.domain().value());
        root.put("plannedAt", plan.plannedAt().toString());
        root.put("status", plan.status().name());
        root.put("summary", plan.summary());
        root.put("refusesMailIfDoneAtOnce", plan.refusesMailIfDoneAtOnce());
        ObjectNode current = root.putObject("current");
        plan.currentPolicy().ifPresent(p -> current.set("policy", policy(p)));
        plan.currentId().ifPresent(id -> current.put("id", id));
        current.set("mx", hosts(plan.currentMx()));
        root.set("newMx", hosts(plan.newMx()));

        ObjectNode risk = root.putObject("risk");
        plan.risk().cachedMode().ifPresent(m -> risk.put("cachedMode", m.token()));
        plan.risk().cachedUntil().ifPresent(t -> risk.put("cachedUntil", t.toString()));
        risk.put("refusesMail", plan.risk().refusesMail());
        risk.put("summary", plan.risk().summary());
        ArrayNode atRisk = risk.putArray("hosts");
        for (HostRisk h : plan.risk().hosts()) {
            ObjectNode node = atRisk.addObject();
            node.put("host", h.host().value());
            node.put("action", h.action().name());
            node.put("cause", h.cause().name());
            h.until().ifPresent(t -> node.put("until", t.toString()));
        }

        ArrayNode steps = root.putArray("steps");
        for (PlanStep s : plan.steps()) {
            ObjectNode node = steps.addObject();
            node.put("number", s.number());
            node.put("kind", s.kind().name());
            node.put("earliest", s.earliest().toString());
            s.until().ifPresent(t -> node.put("until", t.toString()));
            node.put("instruction", s.instruction());
            node.put("reason", s.reason());
            s.policy().ifPresent(p -> node.set("policy", policy(p)));
            s.stsRecordText().ifPresent(t -> node.put("stsRecord", t));
            if (!s.mx().isEmpty()) {
                node.set("mx", hosts(s.mx()));
            }
        }
        ArrayNode blockers = root.putArray("blockers");
        for (PlanBlocker b : plan.blockers()) {
            ObjectNode node = blockers.addObject();
            node.put("code", b.code().name());
            node.put("message", b.message());
            node.put("fix", b.fix());
        }
        ArrayNode notes = root.putArray("notes");
        plan.notes().forEach(notes::add);
        return root;
    }

    private static ObjectNode policy(MtaStsPolicy p) {
        ObjectNode node = NODES.objectNode();
        node.put("mode", p.mode().token());
        node.put("maxAge", p.maxAgeSeconds());
        ArrayNode mx = node.putArray("mx");
        p.mx().stream().map(MxPattern::text).forEach(mx::add);
        node.put("text", p.toText());
        return node;
    }

    private static ArrayNode hosts(List<DomainName> hosts) {
        ArrayNode array = NODES.arrayNode();
        hosts.forEach(h -> array.add(h.value()));
        return array;
    }
}
