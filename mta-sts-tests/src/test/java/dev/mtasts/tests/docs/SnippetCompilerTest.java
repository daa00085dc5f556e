package dev.mtasts.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SnippetCompilerTest {

    private static final Snippet USES_THE_CONTEXT = javadoc("A.java", 10,
            "System.out.println(report.verdict() + \" \" + domain.value() + \" \" + text.length());");
    private static final Snippet HIDES_THE_CONTEXT = javadoc("B.java", 20,
            "ValidationReport report = validator.validate(\"example.com\");",
            "report.findings().forEach(f -> System.out.println(f.code()));");
    private static final Snippet UNKNOWN_NAME = javadoc("C.java", 30,
            "String a = \"x\";",
            "helper(a);");
    private static final Snippet SYNTAX_ERROR = javadoc("D.java", 40,
            "if (report.hasErrors()) { ... }");
    private static final Snippet OBSERVED = javadoc("E.java", 50,
            "ValidationReport a = null;",
            "CompletableFuture<ValidationReport> b = CompletableFuture.completedFuture(null);",
            "Runnable r = () -> { ValidationReport c = null; };",
            "for (int i = 0; i < 2; i++) {",
            "    ValidationReport d = null;",
            "}");

    private static final Snippet THROWS = javadoc("F.java", 60,
            "int a = 1;",
            "Runnable r = () -> {",
            "    throw new IllegalStateException(\"a is \" + a);",
            "};",
            "r.run();");

    private static SnippetCompiler.Result result;

    @BeforeAll
    static void compileInOneCall() {
        result = SnippetCompiler.compile(
                List.of(USES_THE_CONTEXT, HIDES_THE_CONTEXT, UNKNOWN_NAME, SYNTAX_ERROR, OBSERVED, THROWS), true);
    }

    @Test
    void theContextIsInScopeAndAnExampleMayHideIt() {
        assertThat(result.failuresOf(USES_THE_CONTEXT)).isEmpty();
        assertThat(result.failuresOf(HIDES_THE_CONTEXT)).isEmpty();
    }

    @Test
    void anErrorNamesTheDocumentationFileLineAndColumn() {
        assertThat(result.failuresOf(UNKNOWN_NAME)).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("C.java:31:4");   // column 1 of the code is column 4 after " * "
            assertThat(f.message()).contains("cannot find symbol").contains("helper").doesNotContain("Snippet");
        });
    }

    @Test
    void aSyntaxErrorDoesNotHideTheOtherExamplesErrors() {
        assertThat(result.failuresOf(SYNTAX_ERROR)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.location()).startsWith("D.java:40:"));
        assertThat(result.failuresOf(UNKNOWN_NAME)).isNotEmpty();
    }

    @Test
    void eachReportVariableOfTheExampleIsObservedButNotThoseOfItsLambdas() throws Exception {
        assertThat(result.failuresOf(OBSERVED)).isEmpty();
        SnippetContext context = (SnippetContext) result.loader(getClass().getClassLoader())
                .loadClass(result.classNames().get(OBSERVED)).getConstructor().newInstance();

        context.run();

        assertThat(context.observed).hasSize(4);   // a, b, and d twice
    }

    @Test
    void aFrameOfAnExampleIsNamedByItsDocumentationLine() throws Exception {
        SnippetContext context = (SnippetContext) result.loader(getClass().getClassLoader())
                .loadClass(result.classNames().get(THROWS)).getConstructor().newInstance();

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(context::run);

        assertThat(thrown).isInstanceOf(IllegalStateException.class);
        String className = result.classNames().get(THROWS);
        assertThat(thrown.getStackTrace()[0].getClassName()).startsWith(className);
        assertThat(result.locate(className, thrown.getStackTrace()[0].getLineNumber())).hasValue("F.java:62");
        assertThat(DocSnippetRunner.describe(thrown, result))
                .startsWith("java.lang.IllegalStateException: a is 1 | at the example (F.java:62)")
                .contains("at the example (F.java:64)")
                .doesNotContain("DocSnippetRunner");
        assertThat(result.locate(className, 1)).isEmpty();
    }

    private static Snippet javadoc(String file, int line, String... code) {
        return new Snippet(file, line, List.of(code), java.util.Collections.nCopies(code.length, 3),
                Snippet.Kind.JAVADOC);
    }
}
