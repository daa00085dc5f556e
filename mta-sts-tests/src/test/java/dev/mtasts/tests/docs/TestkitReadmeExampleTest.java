package dev.mtasts.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JUnit 5 example of {@code mta-sts-testkit/README.md} is a whole test class, imports included, which cannot be
 * compiled as statements; so it is marked {@code // not compiled}, and this test holds it, line for line, to
 * {@code dev.mtasts.tests.readme.GoodDomainTest}, a test class of this module that is compiled and runs with the
 * others. Change one, and this test says to change the other.
 */
class TestkitReadmeExampleTest {

    private static final String README = "mta-sts-testkit/README.md";
    private static final String CLASS = "dev.mtasts.tests.readme.GoodDomainTest";
    private static final Path SOURCE = Path.of("mta-sts-tests/src/test/java", CLASS.replace('.', '/') + ".java");

    @Test
    void theReadmesJunitExampleIsTheCompiledTestClassLineForLine() throws IOException {
        Path root = DocSources.repositoryRoot();
        List<Snippet> marked = SnippetExtractor.markdown(README, Files.readString(root.resolve(README))).stream()
                .filter(s -> s.notCompiledReason().filter(r -> r.contains(CLASS)).isPresent()).toList();
        assertThat(marked).as("blocks of %s marked as being %s", README, CLASS).hasSize(1);
        List<String> example = withoutMarker(marked.get(0).lines());

        List<String> source = Files.readAllLines(root.resolve(SOURCE));
        assertThat(source.get(0)).isEqualTo("package dev.mtasts.tests.readme;");
        assertThat(source.get(1)).isEmpty();
        List<String> body = source.subList(2, source.size());

        assertThat(example).as("%s:%d and %s (without its package line): edit both alike", README,
                marked.get(0).line(), SOURCE).isEqualTo(body);
    }

    /** @return the lines after the {@code // not compiled} marker (the first non-blank line) */
    private static List<String> withoutMarker(List<String> lines) {
        int first = 0;
        while (lines.get(first).isBlank()) {
            first++;
        }
        assertThat(Snippet.NOT_COMPILED.matcher(lines.get(first)).matches()).isTrue();
        return lines.subList(first + 1, lines.size());
    }
}
