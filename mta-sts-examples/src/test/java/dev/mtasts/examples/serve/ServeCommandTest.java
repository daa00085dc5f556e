package dev.mtasts.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtasts.examples.cli.MtaStsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code mta-sts serve} on the command line: its options, and a demo run served on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeCommandTest {

    @Test
    void aPortOutOfRangeOrANameToBindToIsAUsageError() {
        Run port = run("serve", "--port", "70000");
        assertThat(port.code).isEqualTo(2);
        assertThat(port.err).contains("--port must be 0 to 65535");

        Run bind = run("serve", "--bind", "localhost");
        assertThat(bind.code).isEqualTo(2);
        assertThat(bind.err).contains("is not an IP address");
    }

    @Test
    void serveIsListedInTheHelp() {
        assertThat(run("--help").out).contains("serve");
        assertThat(run("serve", "--help").out).contains("--port", "--bind", "--demo", "/api/events");
    }

    @Test
    void aPortInUseIsExitCode3WithTheReason() throws Exception {
        try (ServeFixture fixture = ServeFixture.start()) {
            Run busy = run("serve", "--port", Integer.toString(fixture.server.address().getPort()));
            assertThat(busy.code).isEqualTo(3);
            assertThat(busy.err).contains("cannot listen on 127.0.0.1 port");
        }
    }

    @Test
    void serveDemoListensOnLoopbackListsTheDemoDomainsAndStopsWhenInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = MtaStsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        AtomicInteger code = new AtomicInteger(-1);
        Thread thread = new Thread(() -> code.set(cli.execute("serve", "--demo", "--port", "0")));
        thread.start();
        Matcher url = awaitUrl(out);
        URI base = URI.create(url.group(1));
        assertThat(base.getHost()).isEqualTo("127.0.0.1");

        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        JsonNode examples = ServeFixture.JSON.readTree(http.send(HttpRequest.newBuilder(
                base.resolve("/api/examples")).build(), BodyHandlers.ofString()).body());
        assertThat(examples.get("demo").asBoolean()).isTrue();
        assertThat(examples.get("examples").findValuesAsText("domain")).contains("enforce.good.test");
        JsonNode report = ServeFixture.JSON.readTree(http.send(HttpRequest.newBuilder(
                base.resolve("/api/check?domain=enforce.good.test")).build(), BodyHandlers.ofString()).body());
        assertThat(report.get("verdict").asText()).isEqualTo("ENFORCING");

        thread.interrupt();
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(code.get()).isZero();
    }

    private static Matcher awaitUrl(StringWriter out) throws InterruptedException {
        Pattern pattern = Pattern.compile("mta-sts serve: (http://\\S+/)");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            Matcher m = pattern.matcher(out.toString());
            if (m.find()) {
                return m;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no URL printed: " + out);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MtaStsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
