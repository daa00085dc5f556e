package dev.mtasts.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetExtractorTest {

    @Test
    void markdownYieldsEachJavaFenceWithTheLineOfItsFirstCodeLine() {
        String text = String.join("\n",
                "# Title",                       // 1
                "```sh",                         // 2
                "./mvnw verify",                 // 3
                "```",                           // 4
                "```java",                       // 5
                "int a = 1;",                    // 6
                "  int b = 2;",                  // 7
                "```",                           // 8
                "- a list item:",                // 9
                "  ```java",                     // 10
                "  int c = 3;",                  // 11
                "  ```");                        // 12

        List<Snippet> snippets = SnippetExtractor.markdown("README.md", text);

        assertThat(snippets).hasSize(2);
        assertThat(snippets.get(0).location()).isEqualTo("README.md:6");
        assertThat(snippets.get(0).lines()).containsExactly("int a = 1;", "  int b = 2;");
        assertThat(snippets.get(1).location()).isEqualTo("README.md:11");
        assertThat(snippets.get(1).lines()).containsExactly("int c = 3;");
        assertThat(snippets.get(1).locate(1, 5)).isEqualTo("README.md:11:7");
    }

    @Test
    void aJavaFenceThatIsNeverClosedIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> SnippetExtractor.markdown("README.md", "text\n```java\nint a = 1;\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("README.md:2");
    }

    @Test
    void javadocLosesItsStarsButKeepsTheIndentationAndUndoesTheEscapes() {
        String source = String.join("\n",
                "/**",                                              // 1
                " * Text.",                                         // 2
                " *",                                               // 3
                " * <pre>{@code",                                   // 4
                " * List&lt;String&gt; names = new ArrayList&lt;&gt;();",   // 5
                " * new Object() {",                                // 6
                " *     &#64;Override",                             // 7
                " *     public String toString() { return \"a &amp; b\"; }",   // 8
                " * };",                                            // 9
                " * }</pre>",                                       // 10
                " */",
                "class A {",
                "    /** One line: <pre>{@code run();}</pre> */",   // 13
                "}");

        List<Snippet> snippets = SnippetExtractor.javadoc("A.java", source);

        assertThat(snippets).hasSize(2);
        Snippet block = snippets.get(0);
        assertThat(block.location()).isEqualTo("A.java:5");
        assertThat(block.lines()).containsExactly(
                "List<String> names = new ArrayList<>();",
                "new Object() {",
                "    @Override",
                "    public String toString() { return \"a & b\"; }",
                "};");
        assertThat(block.kind()).isEqualTo(Snippet.Kind.JAVADOC);
        assertThat(block.locate(2, 1)).isEqualTo("A.java:6:4");
        assertThat(snippets.get(1).lines()).containsExactly("run();");
        assertThat(snippets.get(1).location()).isEqualTo("A.java:13");
    }

    @Test
    void aPreBlockThatIsNeverClosedIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> SnippetExtractor.javadoc("A.java", "/**\n * <pre>{@code\n * run();\n */"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A.java:2");
    }

    @Test
    void numericCharacterReferencesAreUndone() {
        assertThat(SnippetExtractor.unescape("&#123;&#x7D; &#47;&#42; &quot;&apos;")).isEqualTo("{} /* \"'");
    }

    @Test
    void onlyAFirstLineMarkerLeavesABlockUncompiled() {
        assertThat(snippet("// not compiled: shell command", "java -cp mta-sts.jar Main").notCompiledReason())
                .hasValue("shell command");
        assertThat(snippet("", "//not compiled:JSON", "{}").notCompiledReason()).hasValue("JSON");
        assertThat(snippet("// not compiled:", "x").notCompiledReason()).hasValue("");
        assertThat(snippet("int a = 1;", "// not compiled: too late").notCompiledReason()).isEmpty();
        assertThat(snippet("// a comment", "int a = 1;").notCompiledReason()).isEmpty();
    }

    @Test
    void aFirstLineNotRunMarkerLeavesABlockCompiledButNotRun() {
        Snippet marked = snippet("// not run: waits for a real server", "server.awaitConnection();");
        assertThat(marked.notRunReason()).hasValue("waits for a real server");
        assertThat(marked.notCompiledReason()).isEmpty();
        assertThat(marked.isRun()).isFalse();
        assertThat(snippet("", "//not run:public address", "x();").notRunReason()).hasValue("public address");
        assertThat(snippet("x();", "// not run: too late").notRunReason()).isEmpty();
        assertThat(snippet("x();", "// not run: too late").isRun()).isTrue();
        assertThat(snippet("// not compiled: JSON", "{}").isRun()).isFalse();
        assertThat(snippet("// not compiled: JSON", "{}").notRunReason()).isEmpty();
    }

    @Test
    void javadocMarkersAreFoundAfterTheStarsAreRemoved() {
        String source = String.join("\n",
                "/**",
                " * <pre>{@code",
                " * // not run: names a public name server on purpose",
                " * resolver.txt(name);",
                " * }</pre>",
                " */");
        Snippet s = SnippetExtractor.javadoc("A.java", source).get(0);
        assertThat(s.notRunReason()).hasValue("names a public name server on purpose");
        assertThat(s.notCompiledReason()).isEmpty();
    }

    private static Snippet snippet(String... lines) {
        return new Snippet("X.md", 1, List.of(lines), java.util.Collections.nCopies(lines.length, 0),
                Snippet.Kind.MARKDOWN);
    }
}
