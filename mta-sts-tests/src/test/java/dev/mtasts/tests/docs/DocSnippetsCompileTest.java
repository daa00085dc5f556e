package dev.mtasts.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Java example of the documentation compiles, so the docs cannot drift from the API: the {@code ```java}
 * blocks of {@code README.md} and of each {@code <module>/README.md}, and the {@code <pre>{@code ...}</pre>}
 * blocks of the published modules' Javadoc ({@link DocSources#PUBLISHED_MODULES}).
 *
 * <p>Each example is compiled, all in one {@code javax.tools.JavaCompiler} call and in memory, as the body of a
 * method of a class that extends {@link SnippetContext}, against the test class path, with the imports of
 * {@link SnippetCompiler#IMPORTS}: every exported {@code dev.mtasts} package, {@code dev.mtasts.dns},
 * {@code .http}, {@code .testkit}, {@code .json} (with Jackson's {@code databind} and {@code databind.node}),
 * {@code java.io.*}, {@code java.util.*}, {@code java.util.concurrent.*}, {@code java.time.*}, {@code java.net.*},
 * {@code java.nio.file.*}, {@code java.security.cert.*}, {@code javax.net.ssl.*} and AssertJ's
 * {@code Assertions.*}. The method may throw any exception. An example may use, without declaring them, the
 * variables of {@link SnippetContext}: {@code domain} ({@code DomainName}), {@code text} (a policy,
 * {@code String}), {@code policy} ({@code MtaStsPolicy}), {@code sandbox} ({@code MtaStsSandbox}),
 * {@code resolver} ({@code DnsResolver}), {@code fetcher} ({@code PolicyFetcher}), {@code fetch}
 * ({@code PolicyFetch}), {@code validator} ({@code Validator}), {@code report} ({@code ValidationReport}),
 * {@code root} ({@code X509Certificate}) and {@code progress} ({@code ValidationListener}).
 *
 * <p>A block that is not Java statements (a shell command, a class member, JSON) begins with the line
 * {@code // not compiled: <why>}; it is listed in the test's output, never silently skipped. Any other block that
 * does not compile fails the test with its file, line, column and the compiler's message. A block marked
 * {@code // not run: <why>} is compiled like any other ({@link DocSnippetsRunTest} does not run it).
 */
class DocSnippetsCompileTest {

    private static List<Snippet> snippets;
    private static SnippetCompiler.Result result;

    @BeforeAll
    static void compileEveryExample() {
        snippets = DocSources.ofThisRepository().all();
        result = SnippetCompiler.compile(
                snippets.stream().filter(s -> s.notCompiledReason().isEmpty()).toList(), false);
    }

    @Test
    void everyExampleCompiles() {
        List<Snippet> broken = result.failures().stream().map(SnippetCompiler.Failure::snippet).distinct().toList();
        assertThat(broken)
                .withFailMessage(() -> broken.size() + " of " + result.classNames().size() + " documentation"
                        + " examples do not compile (an example may use the variables of SnippetContext without"
                        + " declaring them; a block that is not Java starts with '// not compiled: <why>'):\n"
                        + broken.stream().map(DocSnippetsCompileTest::describe).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /** @return the example's location, its errors, and its code, for a failure message */
    private static String describe(Snippet s) {
        List<SnippetCompiler.Failure> failures = result.failuresOf(s);
        return "- " + s.location() + " (" + s.kind().name().toLowerCase(java.util.Locale.ROOT) + ")\n"
                + failures.stream().limit(8).map(f -> "    " + f + "\n").collect(Collectors.joining())
                + (failures.size() > 8 ? "    ... " + (failures.size() - 8) + " more\n" : "");
    }

    @Test
    void everyExampleLeftUncompiledSaysWhy() {
        List<Snippet> marked = snippets.stream().filter(s -> s.notCompiledReason().isPresent()).toList();
        marked.forEach(s -> System.out.println("not compiled: " + s.location() + " ("
                + s.notCompiledReason().orElseThrow() + ")"));
        assertThat(marked)
                .filteredOn(s -> s.notCompiledReason().orElseThrow().isEmpty())
                .withFailMessage(() -> "a '// not compiled:' marker must say why: " + marked.stream()
                        .filter(s -> s.notCompiledReason().orElseThrow().isEmpty()).map(Snippet::location).toList())
                .isEmpty();
    }

    @Test
    void theExamplesOfEveryDocumentAreFound() {
        assertThat(snippets).filteredOn(s -> s.file().equals("README.md")).hasSizeGreaterThanOrEqualTo(3);
        for (String module : List.of("mta-sts-core", "mta-sts-dns", "mta-sts-http", "mta-sts-testkit")) {
            assertThat(snippets).as(module + " Javadoc")
                    .filteredOn(s -> s.kind() == Snippet.Kind.JAVADOC && s.file().startsWith(module + "/"))
                    .isNotEmpty();
        }
        assertThat(snippets).as("module READMEs")
                .anyMatch(s -> s.file().equals("mta-sts-dns/README.md"))
                .anyMatch(s -> s.file().equals("mta-sts-http/README.md"));
    }
}
