package dev.mtasts.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.testkit.MtaStsSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java examples of the documentation run to their end: the {@code ```java} blocks of the READMEs and the
 * {@code <pre>{@code ...}</pre>} blocks of the published modules' Javadoc, each in a fresh {@link SnippetContext}
 * whose variables hold real values of a loopback {@link MtaStsSandbox} of the example's own; the one-line default
 * ({@code MtaStsValidator.validate("example.com")}) returns a report for the domain it names; and no packet leaves
 * loopback.
 *
 * <p>The defaults use dnsjava with the system's name servers, so the examples run in a JVM of their own
 * ({@link DocSnippetRunner}), started with {@code -Ddns.server} set to the DNS server of a sandbox this test
 * starts, which serves every domain the examples validate ({@code example.com}, {@code good.test}, ...). dnsjava
 * reads that property when it first reads its configuration ({@code org.xbill.DNS.ResolverConfig}), which is what
 * a default {@code DnsjavaResolver} uses; being set on the command line, it is there before anything touches
 * dnsjava, and it cannot leak into other tests. That JVM also runs under {@link LoopbackOnlyGuard}, which refuses
 * any connection beyond loopback: an example that names a public address ({@code nameserver("9.9.9.9")},
 * {@code 192.0.2.10}) runs with failed look-ups or fetches, and every refused address must be one the example
 * names. The default fetcher trusts only the JDK's roots, uses port 443 and refuses loopback addresses, so its
 * policy fetch fails here: the example still ends with a report. The JVM's working directory and
 * {@code java.io.tmpdir} are under {@code target/doc-snippets/}, so whatever an example writes stays there.
 *
 * <p>An example that is Java but cannot run meaningfully on loopback begins with {@code // not run: <why>}; it is
 * still compiled ({@link DocSnippetsCompileTest}), and listed here.
 */
class DocSnippetsRunTest {

    private static final Pattern VALIDATED = Pattern.compile("validate(?:Async)?\\(\"([^\"]+)\"");
    private static final long FORK_TIMEOUT_MINUTES = 3;

    private static MtaStsSandbox sandbox;
    private static List<Snippet> snippets;
    private static List<String> output;
    private static List<String> facts;

    @BeforeAll
    static void runTheExamplesInAJvmOfTheirOwn() throws IOException, InterruptedException {
        snippets = DocSources.ofThisRepository().all();
        sandbox = MtaStsSandbox.start();
        Set<String> domains = new TreeSet<>(List.of("example.com"));
        snippets.forEach(s -> domains.addAll(validatedDomains(s)));
        domains.forEach(d -> SnippetContext.deploy(sandbox, d));

        Path dir = Files.createDirectories(Path.of("target", "doc-snippets")).toAbsolutePath();
        Path work = emptyDirectory(dir.resolve("work"));
        Path log = dir.resolve("run.log");
        Path errors = dir.resolve("run-stderr.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", SnippetCompiler.testClassPath(),
                "-Djava.security.manager=allow",
                "-Ddns.server=" + sandbox.dnsServer().host() + ":" + sandbox.dnsServer().port(),
                "-Djdk.net.hosts.file=" + hostsFile(dir),
                "-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp")),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-XX:TieredStopAtLevel=1"));
        command.add(DocSnippetRunner.class.getName());
        Process fork = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(log.toFile()).redirectError(errors.toFile()).start();
        if (!fork.waitFor(FORK_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            fork.destroyForcibly();
        }
        output = Files.readAllLines(log);
        facts = output.stream().filter(l -> l.startsWith(DocSnippetRunner.PREFIX))
                .map(l -> l.substring(DocSnippetRunner.PREFIX.length())).toList();
        assertThat(facts).as("the examples' JVM did not finish; its output:\n%s\nits errors:\n%s",
                String.join("\n", output), Files.readString(errors)).contains("guard active", "done");
    }

    @AfterAll
    static void stopTheSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** @return the directory, created, with nothing in it (what an earlier run left is deleted) */
    private static Path emptyDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** The JVM's own look-ups: the same file as the test JVM's (localhost only), or one like it. */
    private static String hostsFile(Path dir) throws IOException {
        String configured = System.getProperty("jdk.net.hosts.file");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().toString();
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

    private static boolean uncompiled(Snippet s) {
        return facts.contains("uncompiled " + s.location());
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
        List<Snippet> top = snippets.stream().filter(s -> s.file().equals("README.md")).toList();
        assertThat(top).isNotEmpty();
        for (Snippet s : top) {
            if (s.isRun()) {
                assertThat(ran(s)).as("%s did not run to its end: %s%n%s", s.location(),
                        facts.stream().filter(f -> f.contains(s.location())).toList(), s.code()).isTrue();
            }
        }
    }

    /**
     * Every README and Javadoc example that compiles runs to its end; one that throws (or does not end within the
     * runner's time-out) is listed with its file, line and exception. Examples with compiler errors are
     * {@link DocSnippetsCompileTest}'s to report, and only listed here.
     */
    @Test
    void everyExampleThatCompilesRunsToItsEnd() {
        List<Snippet> toRun = snippets.stream().filter(Snippet::isRun).toList();
        toRun.stream().filter(DocSnippetsRunTest::uncompiled)
                .forEach(s -> System.out.println("not run, does not compile: " + s.location()));
        List<String> failures = new ArrayList<>();
        for (Snippet s : toRun) {
            if (ran(s) || uncompiled(s)) {
                continue;
            }
            List<String> failed = factsAbout("failed", s);
            failures.add("- " + s.location() + ": " + (failed.isEmpty() ? "no outcome reported"
                    : failed.get(0).replace(" | ", "\n      ")));
        }
        failures.forEach(System.out::println);
        assertThat(failures).withFailMessage("the examples that compile must run (see target/doc-snippets/run.log"
                + " for what they printed; an example that cannot run on loopback starts with '// not run: <why>');"
                + " %d of %d threw:%n%s", failures.size(), toRun.size(), String.join("\n", failures)).isEmpty();
        assertThat(snippets).as("Javadoc examples that ran")
                .anyMatch(s -> s.kind() == Snippet.Kind.JAVADOC && ran(s));
    }

    @Test
    void everyExampleLeftUnrunSaysWhy() {
        List<Snippet> marked = snippets.stream().filter(s -> s.notRunReason().isPresent()).toList();
        marked.forEach(s -> System.out.println("not run: " + s.location() + " (" + s.notRunReason().orElseThrow()
                + ")"));
        assertThat(marked)
                .filteredOn(s -> s.notRunReason().orElseThrow().isEmpty())
                .withFailMessage(() -> "a '// not run:' marker must say why: " + marked.stream()
                        .filter(s -> s.notRunReason().orElseThrow().isEmpty()).map(Snippet::location).toList())
                .isEmpty();
        assertThat(marked).allSatisfy(s -> assertThat(facts).contains("skipped " + s.location()));
    }

    @Test
    void everyValidationOfAnExampleReturnsAReportForTheDomainItNames() {
        for (Snippet s : snippets.stream().filter(DocSnippetsRunTest::ran).toList()) {
            Set<String> reported = factsAbout("report", s).stream().map(r -> r.split(" ")[0])
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(reported).as("the domains of the reports of %s", s.location())
                    .containsAll(validatedDomains(s));
        }
    }

    @Test
    void theOneLineDefaultValidatesThroughTheSandbox() {
        List<Snippet> oneLine = snippets.stream().filter(s -> s.file().equals("README.md"))
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
        List<String> unnamed = new ArrayList<>();
        for (Snippet s : snippets) {
            for (String refused : factsAbout("refused", s)) {
                String host = refused.substring(0, refused.lastIndexOf(':'));
                if (!s.code().contains(host)) {
                    unnamed.add(s.location() + " tried to connect to " + refused + ", which it does not name");
                }
            }
        }
        assertThat(unnamed).withFailMessage("connections refused by the loopback guard:%n%s",
                String.join("\n", unnamed)).isEmpty();
    }

    @Test
    void theExamplesRunInReasonableTime() {
        record Took(String location, long millis) {
        }
        List<Took> took = facts.stream().filter(f -> f.startsWith("took ")).map(f -> f.split(" "))
                .map(f -> new Took(f[1], Long.parseLong(f[2]))).sorted(Comparator.comparingLong(Took::millis)
                        .reversed()).toList();
        long total = took.stream().mapToLong(Took::millis).sum();
        System.out.println(took.size() + " examples ran in " + total + " ms; the slowest: " + took.stream().limit(5)
                .map(t -> t.location() + " " + t.millis() + " ms").collect(Collectors.joining(", ")));
        assertThat(total).as("milliseconds the examples took, contexts included").isLessThan(45_000);
    }
}
