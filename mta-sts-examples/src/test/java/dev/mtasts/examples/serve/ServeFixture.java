package dev.mtasts.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.mtasts.Validator;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.MtaStsSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * A sandbox with every demo deployment and a few hostile ones, and a {@link CheckServer} on 127.0.0.1 (any free
 * port) checking them: what the endpoint and browser tests run against. Close it after use.
 */
final class ServeFixture implements AutoCloseable {

    /** A policy body with HTML and an attempt to inject Server-Sent Events through a quoted line. */
    static final String HOSTILE_POLICY = "version: STSv1\r\nmode: enforce\r\n<script>window.pwned=1</script>\r\n"
            + "<img src=x onerror=\"window.pwned=2\">\r\n\r\nevent: done\r\ndata: {\"pwned\":true}\r\n\r\n"
            + "mx: mx1.hostile.test\r\nmax_age: 86400\r\n";

    /** An STS record whose id is markup. */
    static final String HOSTILE_RECORD = "v=STSv1; id=<img src=x onerror=window.pwned=3>";

    static final ObjectMapper JSON = new ObjectMapper();

    static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
            .getSchema(dev.mtasts.json.ReportJson.schema(), InputFormat.JSON);

    final MtaStsSandbox sandbox;
    final CheckServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .proxy(HttpClient.Builder.NO_PROXY).build();

    private ServeFixture(MtaStsSandbox sandbox, CheckServer server) {
        this.sandbox = sandbox;
        this.server = server;
    }

    /** The demo deployments and the hostile ones, the default limits but for the port. */
    static ServeFixture start() {
        return start(s -> s, b -> b);
    }

    static ServeFixture start(UnaryOperator<ServerSettings> settings, UnaryOperator<Validator.Builder> validator) {
        return start(settings, (sandbox, builder) -> validator.apply(builder));
    }

    /** @param validator changes the sandbox's validator builder, with the sandbox at hand */
    static ServeFixture start(UnaryOperator<ServerSettings> settings,
                              BiFunction<MtaStsSandbox, Validator.Builder, Validator.Builder> validator) {
        MtaStsSandbox sandbox = MtaStsSandbox.start();
        try {
            Deployments.installAll(sandbox);
            sandbox.domain("hostile.test").stsRecord("v=STSv1; id=20261101T000000").mx(10, "mx1.hostile.test")
                    .tlsRpt("v=TLSRPTv1; rua=mailto:tls-reports@hostile.test")
                    .policyResponse(HttpResponse.ok("text/plain", HOSTILE_POLICY));
            sandbox.domain("hostile-record.test").stsRecord(HOSTILE_RECORD).mx(10, "mx1.hostile-record.test");
            List<Example> examples = new ArrayList<>();
            Deployments.all().forEach(d -> examples.add(new Example(d.domain(), d.title(), d.description())));
            ServerSettings chosen = settings.apply(ServerSettings.defaults().withBind(ServerSettings.LOOPBACK, 0)
                    .withExamples(examples));
            CheckServer server = CheckServer.start(chosen, listener -> validator.apply(sandbox,
                    sandbox.validatorBuilder().deadline(Duration.ofSeconds(15)).listener(listener)).build());
            return new ServeFixture(sandbox, server);
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw new IllegalStateException("cannot start the server", e);
        }
    }

    URI uri(String pathAndQuery) {
        return server.uri().resolve(pathAndQuery);
    }

    java.net.http.HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    java.net.http.HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the schema's complaints about a report; empty when it is valid */
    static List<String> schemaErrors(JsonNode report) {
        List<String> out = new ArrayList<>();
        SCHEMA.validate(report.toString(), InputFormat.JSON).forEach(e -> out.add(e.toString()));
        return out;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            sandbox.close();
        }
    }
}
