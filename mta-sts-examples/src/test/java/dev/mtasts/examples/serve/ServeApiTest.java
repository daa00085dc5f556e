package dev.mtasts.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtasts.report.Layer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The endpoints of {@code mta-sts serve} against the real server on 127.0.0.1, checking sandbox domains: the page
 * and its files, the JSON report, the event stream, bad input and the security headers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeApiTest {

    private static ServeFixture fixture;

    @BeforeAll
    static void start() {
        // a generous rate limit: this class tests the endpoints, RateLimitTest the limits
        fixture = ServeFixture.start(s -> s.withRate(1000, Duration.ofMillis(1)), b -> b);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void thePageIsServedWithSecurityHeadersAndNoInlineScript() {
        HttpResponse<String> page = fixture.get("/?domain=enforce.good.test");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertSecurityHeaders(page);
        String html = page.body();
        // every script is a file of ours; no inline script, no handler attribute, nothing from another host
        assertThat(html).contains("<script src=\"/static/app.js\" defer></script>");
        assertThat(html.split("<script", -1)).hasSize(2);
        assertThat(html).doesNotContainPattern("\\son[a-z]+=").doesNotContain("style=");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(html).contains("<label for=\"domain\">", "aria-live=\"polite\"", "<h1>");
    }

    @Test
    void theStaticFilesAreServedWithTheirTypes() {
        assertThat(fixture.get("/static/app.js").headers().firstValue("Content-Type"))
                .hasValue("text/javascript; charset=utf-8");
        assertThat(fixture.get("/static/app.css").headers().firstValue("Content-Type"))
                .hasValue("text/css; charset=utf-8");
        HttpResponse<String> icon = fixture.get("/static/icon.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertSecurityHeaders(icon);
        // the script sets text only through textContent: never HTML from the network
        assertThat(fixture.get("/static/app.js").body()).doesNotContain("innerHTML", "outerHTML",
                "insertAdjacentHTML", "document.write", "eval(");
    }

    @Test
    void anUnknownPathIs404AndAPostIs405WithoutDetails() {
        HttpResponse<String> missing = fixture.get("/../etc/passwd");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertSecurityHeaders(missing);
        HttpResponse<String> api = fixture.get("/api/nothing");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(json(api).get("error").asText()).contains("/api/check");

        HttpResponse<String> post = fixture.send(HttpRequest.newBuilder(fixture.uri("/api/check?domain=a.test"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        assertThat(json(post).get("error").asText()).contains("GET");
    }

    @Test
    void checkReturnsTheReportValidAgainstTheSchema() {
        HttpResponse<String> response = fixture.get("/api/check?domain=enforce.good.test");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertSecurityHeaders(response);
        JsonNode report = json(response);
        assertThat(ServeFixture.schemaErrors(report)).isEmpty();
        assertThat(report.get("schemaVersion").asText()).isEqualTo(dev.mtasts.json.ReportJson.SCHEMA_VERSION);
        assertThat(report.get("domain").asText()).isEqualTo("enforce.good.test");
        assertThat(report.get("verdict").asText()).isEqualTo("ENFORCING");
    }

    @Test
    void aBrokenDomainIsStillA200WithItsFindings() {
        JsonNode report = json(fixture.get("/api/check?domain=redirect.test"));

        assertThat(ServeFixture.schemaErrors(report)).isEmpty();
        assertThat(report.get("verdict").asText()).isEqualTo("BROKEN");
        assertThat(report.get("findings").findValuesAsText("code")).contains("POLICY_REDIRECT");
    }

    @Test
    void aUnicodeDomainIsCheckedAsItsALabel() {
        JsonNode report = json(fixture.get("/api/check?domain=B%C3%BCcher.test"));
        assertThat(report.get("domain").asText()).isEqualTo("xn--bcher-kva.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "domain=", "domain=%20", "domain=%3Cscript%3E", "domain=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "domain=user%40example.com", "domain=https%3A%2F%2Fexample.com%2F", "domain=a..b",
            "domain=a.test&domain=b.test", "domain=127.0.0.1%3A25", "domain=exa%0Ample.com"})
    void badInputIs400WithAMessageInWords(String query) {
        HttpResponse<String> response = fixture.get("/api/check?" + query);

        assertThat(response.statusCode()).as(query).isEqualTo(400);
        assertSecurityHeaders(response);
        JsonNode body = json(response);
        assertThat(ServeFixture.JSON.convertValue(body, java.util.Map.class).keySet()).containsExactly("error");
        String message = body.get("error").asText();
        assertThat(message).as(query).isNotBlank().endsWith(".")
                .doesNotContain("Exception", "\tat ", "dev.mtasts.", "java.");
        // the same answer from the event stream, before any event
        HttpResponse<String> events = fixture.get("/api/events?" + query);
        assertThat(events.statusCode()).isEqualTo(400);
        assertThat(events.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(json(events).get("error").asText()).isEqualTo(message);
    }

    @Test
    void aMalformedPercentEscapeGetsNoStackTrace() throws java.io.IOException {
        // java.net.URI refuses to send it, a browser or curl does not. The JDK's server answers a request line it
        // cannot parse as a URI itself, before any handler, with a 400 naming URISyntaxException (no trace); were
        // one to pass, DomainQuery answers 400 in words
        try (java.net.Socket socket = new java.net.Socket(fixture.server.address().getAddress(),
                fixture.server.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/check?domain=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").doesNotContain("\tat ", "at java.", "at dev.");
        }
    }

    @Test
    void aMarkupDomainIsRefusedAndTheRefusalIsOnlyJson() {
        HttpResponse<String> response = fixture.get("/api/check?domain=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(json(response).get("error").asText()).startsWith("Not a domain name:");
    }

    @Test
    void theEventStreamSendsEachStepThenEveryLayerInOrderThenTheVerdictTheReportAndDone() {
        HttpResponse<String> response = fixture.get("/api/events?domain=testing.good.test");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertSecurityHeaders(response);
        List<SseEvents.Event> events = SseEvents.parse(response.body());
        List<String> names = SseEvents.names(events);
        assertThat(names.get(0)).isEqualTo("started");
        int firstLayer = names.indexOf("layer");
        assertThat(names.subList(1, firstLayer)).isNotEmpty()
                .allMatch(n -> List.of("observed", "mxHosts", "mxProbe").contains(n))
                .contains("observed", "mxHosts", "mxProbe");
        assertThat(names.subList(firstLayer, names.size()))
                .containsExactly("layer", "layer", "layer", "layer", "layer", "layer", "verdict", "report", "done");
        // numbered from 1, in order
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).id()).isEqualTo(Integer.toString(i + 1));
        }
        // the layers in the report's order, each with a status and words
        List<String> layers = new ArrayList<>();
        events.stream().filter(e -> e.name().equals("layer")).map(SseEvents.Event::json).forEach(l -> {
            layers.add(l.get("layer").asText());
            assertThat(l.get("status").asText()).isIn("PASS", "WARN", "FAIL", "SKIPPED");
            assertThat(l.get("summary").asText()).isNotBlank();
            assertThat(l.get("title").asText()).isNotBlank();
        });
        assertThat(layers).containsExactlyElementsOf(Arrays.stream(Layer.values()).map(Enum::name).toList());
        // each step is under a layer of the report
        events.stream().filter(e -> e.name().equals("observed")).map(SseEvents.Event::json)
                .forEach(o -> assertThat(layers).contains(o.get("layer").asText()));
        JsonNode verdict = events.get(names.indexOf("verdict")).json();
        assertThat(verdict.get("verdict").asText()).isEqualTo("TESTING");
        assertThat(verdict.get("headline").asText()).contains("testing mode");
        assertThat(verdict.get("promotion").get("status").asText()).isEqualTo("READY");
        assertThat(verdict.get("promotion").get("headline").asText()).startsWith("Ready for enforce");
        JsonNode report = events.get(names.indexOf("report")).json();
        assertThat(ServeFixture.schemaErrors(report)).isEmpty();
        // the JSON link shows the very report the stream ended with
        assertThat(json(fixture.get("/api/check?domain=testing.good.test"))).isEqualTo(report);
    }

    @Test
    void theStreamCarriesEachMxProbeAsItEnds() {
        List<SseEvents.Event> events = SseEvents.parse(fixture.get("/api/events?domain=mx-no-starttls.test").body());

        JsonNode hosts = events.stream().filter(e -> e.name().equals("mxHosts")).findFirst().orElseThrow().json();
        assertThat(hosts.get("hosts").findValuesAsText("host")).containsExactly("mx1.mx-no-starttls.test");
        JsonNode probe = events.stream().filter(e -> e.name().equals("mxProbe")).findFirst().orElseThrow().json();
        assertThat(probe.get("host").asText()).isEqualTo("mx1.mx-no-starttls.test");
        assertThat(probe.get("result").asText()).isEqualTo("NO_STARTTLS");
        assertThat(probe.get("text").asText()).isEqualTo("no STARTTLS offered");
        JsonNode mx = events.stream().filter(e -> e.name().equals("layer")).map(SseEvents.Event::json)
                .filter(l -> l.get("layer").asText().equals("MX_COVERAGE")).findFirst().orElseThrow();
        assertThat(mx.get("status").asText()).isEqualTo("FAIL");
        assertThat(mx.get("findings").toString()).contains("MX_STARTTLS_MISSING");
    }

    @Test
    void hostilePolicyTextCannotAddEventsAndComesBackExactlyAsServed() {
        HttpResponse<String> response = fixture.get("/api/events?domain=hostile.test");
        List<SseEvents.Event> events = SseEvents.parse(response.body());

        // the body's "event: done" and blank lines stay inside JSON strings: the events are only ours
        List<String> names = SseEvents.names(events);
        assertThat(names).containsOnly("started", "observed", "mxHosts", "mxProbe", "layer", "verdict", "report",
                "done");
        assertThat(names.stream().filter("done"::equals)).hasSize(1);
        assertThat(names.get(names.size() - 1)).isEqualTo("done");
        JsonNode report = events.get(names.indexOf("report")).json();
        assertThat(ServeFixture.schemaErrors(report)).isEmpty();
        assertThat(report.get("verdict").asText()).isEqualTo("BROKEN");
        // the markup is quoted as text: the parsed JSON gives back the very characters served
        assertThat(report.toString()).contains("<script>window.pwned=1</script>");
        assertThat(response.body()).doesNotContain("\u2028", "\u2029");

        HttpResponse<String> check = fixture.get("/api/check?domain=hostile.test");
        assertThat(check.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(check.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(json(check).findValuesAsText("message").toString()).contains("<script>window.pwned=1</script>");
    }

    @Test
    void aRecordWithMarkupIsQuotedInTheFindingsAsText() {
        JsonNode report = json(fixture.get("/api/check?domain=hostile-record.test"));

        assertThat(ServeFixture.schemaErrors(report)).isEmpty();
        assertThat(report.toString()).contains("<img src=x onerror=window.pwned=3>");
    }

    @Test
    void theExamplesAreTheDemoDeployments() {
        JsonNode body = json(fixture.get("/api/examples"));

        assertThat(body.get("demo").asBoolean()).isTrue();
        assertThat(body.get("examples").findValuesAsText("domain")).contains("enforce.good.test", "redirect.test");
    }

    static void assertSecurityHeaders(HttpResponse<String> response) {
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'",
                "connect-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return ServeFixture.JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
