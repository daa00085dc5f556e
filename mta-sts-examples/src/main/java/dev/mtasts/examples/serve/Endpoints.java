package dev.mtasts.examples.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.mtasts.DomainName;
import dev.mtasts.json.ReportJson;
import dev.mtasts.report.ValidationReport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /api/check} (the report, exactly {@code mta-sts check --json}'s schema) and {@code GET /api/examples}
 * (the domains the page offers). {@code GET /api/events} is {@link EventStream}'s.
 */
final class Endpoints {

    private final LiveChecks checks;
    private final Admission admission;
    private final List<Example> examples;
    private final Duration maxWait;

    Endpoints(LiveChecks checks, Admission admission, List<Example> examples) {
        this.checks = checks;
        this.admission = admission;
        this.examples = examples;
        // the validator ends every validation within its deadline; a little more for the assembly
        this.maxWait = checks.validator().deadline().plusSeconds(15);
    }

    void check(HttpExchange exchange) throws IOException {
        DomainName domain = DomainQuery.parse(exchange.getRequestURI().getRawQuery());
        admission.admit(exchange);
        ValidationReport report;
        try {
            report = checks.check(domain).report().get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw ApiException.serverError(500, "The check of " + domain.value() + " failed unexpectedly; try"
                    + " again.");
        } catch (TimeoutException e) {
            throw ApiException.serverError(503, "The check of " + domain.value() + " took too long; try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.serverError(503, "The server is stopping.");
        } finally {
            admission.release();
        }
        Responses.json(exchange, 200, ReportJson.toTree(report));
    }

    void examples(HttpExchange exchange) throws IOException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("demo", !examples.isEmpty());
        ArrayNode list = body.putArray("examples");
        for (Example e : examples) {
            list.addObject().put("domain", e.domain()).put("title", e.title()).put("description", e.description());
        }
        Responses.json(exchange, 200, body);
    }
}
