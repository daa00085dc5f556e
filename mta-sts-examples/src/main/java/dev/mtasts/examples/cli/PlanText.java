package dev.mtasts.examples.cli;

import dev.mtasts.DomainName;
import dev.mtasts.plan.ChangePlan;
import dev.mtasts.plan.PlanBlocker;
import dev.mtasts.plan.PlanStatus;
import dev.mtasts.plan.PlanStep;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link ChangePlan} for people: the conclusion, the state now, the risk of doing it all at once, the numbered
 * steps with their UTC dates and the texts to publish, the blockers and the notes. Every text that came from the
 * network (a policy's extension values) goes through {@link Printable}.
 */
final class PlanText {

    private static final String INDENT = "  ";
    private static final String DEEPER = "       ";

    private final Style style;

    PlanText(Style style) {
        this.style = style;
    }

    void print(ChangePlan plan, PrintWriter out) {
        String domain = plan.domain().value();
        out.println(style.bold(domain) + "  " + status(plan.status()) + "  " + style.dim("planned at "
                + plan.plannedAt()));
        out.println(INDENT + Printable.of(plan.summary()));
        out.println(INDENT + "Now:     " + now(plan));
        out.println(INDENT + "Change:  MX " + (plan.newMx().equals(plan.currentMx()) ? "unchanged"
                : hosts(plan.currentMx()) + " -> " + hosts(plan.newMx())));
        out.println(INDENT + (plan.risk().hosts().isEmpty() ? "Risk:    " : style.red("At risk") + ": ")
                + Printable.of(plan.risk().summary()));

        if (!plan.steps().isEmpty()) {
            out.println();
            out.println(style.bold("Steps"));
            for (PlanStep step : plan.steps()) {
                step(domain, step, out);
            }
        }
        if (!plan.blockers().isEmpty()) {
            out.println();
            out.println(style.bold("Blockers"));
            for (PlanBlocker b : plan.blockers()) {
                out.println(INDENT + style.red("x") + " " + b.code() + "  " + Printable.of(b.message()));
                out.println(INDENT + "    Fix: " + Printable.of(b.fix()));
            }
        }
        if (!plan.notes().isEmpty()) {
            out.println();
            out.println(style.bold("Notes"));
            plan.notes().forEach(n -> out.println(INDENT + "- " + Printable.of(n)));
        }
    }

    private void step(String domain, PlanStep step, PrintWriter out) {
        String when = step.earliest() + step.until().map(end -> " to " + end).orElse("");
        out.println(String.format("%s%2d. %s  %s", INDENT, step.number(), style.cyan(when),
                Printable.of(step.instruction())));
        out.println(DEEPER + style.dim("Why: ") + Printable.of(step.reason()));
        step.policy().ifPresent(policy -> {
            out.println(DEEPER + "https://mta-sts." + domain + "/.well-known/mta-sts.txt (text/plain):");
            for (String line : policy.toText().split("\r\n")) {
                out.println(DEEPER + "  " + Printable.of(line));
            }
        });
        step.stsRecordText().ifPresent(txt -> out.println(DEEPER + "_mta-sts." + domain + ".  IN TXT  \"" + txt
                + "\""));
        if (!step.mx().isEmpty()) {
            out.println(DEEPER + "MX hosts, in this order: " + hosts(step.mx()));
        }
    }

    private static String now(ChangePlan plan) {
        String mx = "MX " + (plan.currentMx().isEmpty() ? "unknown or none" : hosts(plan.currentMx()));
        if (plan.currentPolicy().isEmpty()) {
            return "no policy senders apply, " + mx;
        }
        MtaStsPolicy p = plan.currentPolicy().get();
        return "mode " + p.mode().token() + ", max_age " + p.maxAgeSeconds() + ", mx " + Printable.of(p.mx().stream()
                .map(MxPattern::text).collect(Collectors.joining(" "))) + plan.currentId().map(id -> ", id " + id)
                .orElse("") + "; " + mx;
    }

    private static String hosts(List<DomainName> hosts) {
        return hosts.isEmpty() ? "none" : hosts.stream().map(DomainName::value).collect(Collectors.joining(" "));
    }

    private String status(PlanStatus status) {
        switch (status) {
            case SAFE_NOW:
                return style.green(style.bold("SAFE NOW"));
            case STAGED:
                return style.cyan(style.bold("STAGED"));
            case BLOCKED:
                return style.red(style.bold("BLOCKED"));
            default:
                return style.yellow(style.bold("UNKNOWN (the check could not run)"));
        }
    }
}
