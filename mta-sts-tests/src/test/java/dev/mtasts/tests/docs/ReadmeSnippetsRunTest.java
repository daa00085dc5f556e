package dev.mtasts.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.testkit.MtaStsSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java examples of the READMEs run to their end, each in a fresh {@link SnippetContext}, and the one-line
 * default ({@code MtaStsValidator.validate("example.com")}) returns a report for the domain it names, without a
 * packet leaving loopback.
 *
 * <p>The defaults use dnsjava with the system's name servers, so the examples run in a JVM of their own
 * ({@link ReadmeSnippetRunner}), started with {@code -Ddns.server} set to the DNS server of a sandbox this test
 * starts, which serves every domain the examples validate ({@code example.com}, {@code good.test}, ...). dnsjava
 * reads that property when it first reads its configuration ({@code org.xbill.DNS.ResolverConfig}), which is what
 * a default {@code DnsjavaResolver} uses; being set on the command line, it is there before anything touches
 * dnsjava, and it cannot leak into other tests. That JVM also runs under {@link LoopbackOnlyGuard}, which refuses
 * any connection beyond loopback: an example that names a public name server ({@code nameserver("9.9.9.9")}) runs
 * with failed look-ups, and every refused address must be one the example names. The default fetcher trusts only
 * the JDK's roots, uses port 443 and refuses loopback addresses, so its policy fetch fails here: the example still
 * ends with a report.
 */
class ReadmeSnippetsRunTest {

    private static final Pattern VALIDATED = Pattern.compile("validate(?:Async)?\\(\"([^\"]+)\"");
    private static final long FORK_TIMEOUT_MINUTES = 3;

    private static MtaStsSandbox sandbox;
    private static List<Snippet> readmes;
    private static List<String> output;
    private static List<String> facts;

    @BeforeAll
    static void runTheExamplesInAJvmOfTheirOwn() throws IOException, InterruptedException {
        readmes = DocSources.ofThisRepository().readmes();
        sandbox = MtaStsSandbox.start();
        Set<String> domains = new TreeSet<>(List.of("example.com"));
        readmes.forEach(s -> domains.addAll(validatedDomains(s)));
        domains.forEach(d -> SnippetContext.deploy(sandbox, d));

        Path dir = Files.createDirectories(Path.of("target", "doc-snippets"));
        Path log = dir.resolve("readme-run.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", SnippetCompiler.testClassPath(),
                "-Djava.security.manager=allow",
                "-Ddns.server=" + sandbox.dnsServer().host() + ":" + sandbox.dnsServer().port(),
                "-Djdk.net.hosts.file=" + hostsFile(dir),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-XX:TieredStopAtLevel=1"));
        command.add(ReadmeSnippetRunner.class.getName());
        Process fork = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!fork.waitFor(FORK_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            fork.destroyForcibly();
        }
        output = Files.readAllLines(log);
        facts = output.stream().filter(l -> l.startsWith(ReadmeSnippetRunner.PREFIX))
                .map(l -> l.substring(ReadmeSnippetRunner.PREFIX.length())).toList();
        assertThat(facts).as("the examples' JVM did not finish; its output:\n%s", String.join("\n", output))
                .contains("guard active", "done");
    }

    @AfterAll
    static void stopTheSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** The JVM's own look-ups: the same file as the test JVM's (localhost only), or one like it. */
    private static String hostsFile(Path dir) throws IOException {
        String configured = System.getProperty("jdk.net.hosts.file");
        if (configured != null) {
            return configured;
        }
        return Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost\n").toString();
    }

    private static Set<String> validatedDomains(Snippet s) {
        Set<String> out = new TreeSet<>();
        Matcher m = VALIDATED.matcher(s.code());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** @return the rest of each fact line that starts with {@code kind + " " + location + " "} */
    private static List<String> factsAbout(String kind, Snippet s) {
        String head = kind + " " + s.location() + " ";
        return facts.stream().filter(f -> f.startsWith(head)).map(f -> f.substring(head.length())).toList();
    }

    private static boolean ran(Snippet s) {
        return facts.contains("ran " + s.location());
    }

    @Test
    void theDefaultResolverAsksTheSandboxAndNothingElse() {
        assertThat(facts).as("dnsjava's system name servers in the examples' JVM")
                .contains("servers " + List.of(sandbox.dnsServer().address()));
        assertThat(facts).as("a default DnsjavaResolver's answer")
                .contains("probe FOUND " + sandbox.dnsServer().address() + " " + SnippetContext.STS_RECORD);
        assertThat(facts).noneMatch(f -> f.startsWith("refused probe "));
        assertThat(sandbox.dnsServer().queries())
                .anyMatch(q -> q.name().equals("_mta-sts.example.com") && q.type().equals("TXT"));
    }

    @Test
    void everyExampleOfTheTopLevelReadmeRuns() {
        List<Snippet> top = readmes.stream().filter(s -> s.file().equals("README.md")).toList();
        assertThat(top).isNotEmpty();
        for (Snippet s : top) {
            if (s.notCompiledReason().isEmpty()) {
                assertThat(ran(s)).as("%s did not run to its end: %s%n%s", s.location(),
                        facts.stream().filter(f -> f.contains(s.location())).toList(), s.code()).isTrue();
            }
        }
    }

    @Test
    void everyModuleReadmeExampleThatCompilesRuns() {
        for (Snippet s : readmes) {
            List<String> failed = factsAbout("failed", s);
            assertThat(failed).as("%s threw:%n%s", s.location(), s.code()).isEmpty();
        }
    }

    @Test
    void everyValidationOfAnExampleReturnsAReportForTheDomainItNames() {
        for (Snippet s : readmes.stream().filter(ReadmeSnippetsRunTest::ran).toList()) {
            Set<String> reported = factsAbout("report", s).stream().map(r -> r.split(" ")[0])
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(reported).as("the domains of the reports of %s", s.location())
                    .containsAll(validatedDomains(s));
        }
    }

    @Test
    void theOneLineDefaultValidatesThroughTheSandbox() {
        List<Snippet> oneLine = readmes.stream().filter(s -> s.file().equals("README.md"))
                .filter(s -> s.code().contains("MtaStsValidator.validate(\"example.com\")")).toList();
        assertThat(oneLine).as("README examples of MtaStsValidator.validate(\"example.com\")").isNotEmpty();
        String id = SnippetContext.STS_RECORD.substring(SnippetContext.STS_RECORD.indexOf("id=") + 3);
        for (Snippet s : oneLine) {
            assertThat(factsAbout("report", s)).as("the reports of %s", s.location())
                    .anyMatch(r -> r.startsWith("example.com ") && r.endsWith(" " + id));
        }
    }

    @Test
    void noExampleConnectsBeyondLoopbackUnlessItNamesTheAddress() {
        for (Snippet s : readmes) {
            for (String refused : factsAbout("refused", s)) {
                String host = refused.substring(0, refused.lastIndexOf(':'));
                assertThat(s.code()).as("%s tried to connect to %s, which it does not name", s.location(), refused)
                        .contains(host);
            }
        }
    }
}
