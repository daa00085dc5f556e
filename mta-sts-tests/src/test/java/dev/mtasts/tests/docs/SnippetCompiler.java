package dev.mtasts.tests.docs;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles documentation examples with {@link JavaCompiler}, in memory, in one call: each example becomes the body
 * of {@code run()} in a class of package {@value #PACKAGE} that extends {@link SnippetContext}, with the imports of
 * {@link #IMPORTS}, against the test class path. Errors are mapped back to the documentation's file, line and
 * column.
 */
final class SnippetCompiler {

    /** The package of the generated classes: not one of ours, so an example sees only the public API. */
    static final String PACKAGE = "snippets";

    /** What every example may use without importing it. */
    static final List<String> IMPORTS = List.of(
            "dev.mtasts.*", "dev.mtasts.policy.*", "dev.mtasts.record.*", "dev.mtasts.report.*",
            "dev.mtasts.resolver.*", "dev.mtasts.fetcher.*", "dev.mtasts.probe.*", "dev.mtasts.plan.*", "dev.mtasts.dns.*", "dev.mtasts.http.*",
            "dev.mtasts.smtp.*", "dev.mtasts.tlsrpt.*", "dev.mtasts.testkit.*", "dev.mtasts.json.*",
            "com.fasterxml.jackson.databind.*", "com.fasterxml.jackson.databind.node.*",
            "java.io.*", "java.util.*", "java.util.concurrent.*", "java.util.stream.*", "org.slf4j.*", "java.time.*", "java.net.*", "java.nio.file.*",
            "java.security.cert.*", "javax.net.ssl.*",
            "static org.assertj.core.api.Assertions.*");

    /** Types whose local variables an instrumented example reports to {@link SnippetContext#observe}. */
    private static final Set<String> OBSERVED_TYPES = Set.of("ValidationReport",
            "CompletableFuture<ValidationReport>", "CompletionStage<ValidationReport>");

    private SnippetCompiler() {
    }

    /**
     * A compiler error in an example.
     *
     * @param snippet  the example
     * @param location {@code file:line:column} in the documentation
     * @param message  the compiler's message, on one line
     */
    record Failure(Snippet snippet, String location, String message) {
        @Override
        public String toString() {
            return location + ": " + message;
        }
    }

    /**
     * What one compiler call produced.
     *
     * @param classNames the generated class of each example compiled
     * @param failures   every error, in the order of the examples
     * @param classes    the class files, by binary name
     * @param firstLines the line of each generated class (by binary name) where its example's code begins
     */
    record Result(Map<Snippet, String> classNames, List<Failure> failures, Map<String, byte[]> classes,
            Map<String, Integer> firstLines) {

        /**
         * Maps a line of a generated class (as a stack trace names it) back to the documentation.
         *
         * @param className     the generated class's binary name, such as {@code snippets.Snippet3}
         * @param generatedLine the line in its source
         * @return {@code file:line} in the documentation, or empty when the class or line is not an example's
         */
        Optional<String> locate(String className, int generatedLine) {
            Integer first = firstLines.get(className);
            return classNames.entrySet().stream().filter(e -> e.getValue().equals(className)).findFirst()
                    .filter(e -> first != null && generatedLine >= first
                            && generatedLine < first + e.getKey().lines().size())
                    .map(e -> e.getKey().file() + ":" + (e.getKey().line() + generatedLine - first));
        }

        /** @return the errors of this example */
        List<Failure> failuresOf(Snippet snippet) {
            return failures.stream().filter(f -> f.snippet() == snippet).toList();
        }

        /** @return a class loader that defines the generated classes, over {@code parent} */
        ClassLoader loader(ClassLoader parent) {
            return new ClassLoader("doc-snippets", parent) {
                @Override
                protected Class<?> findClass(String name) throws ClassNotFoundException {
                    byte[] bytes = classes.get(name);
                    if (bytes == null) {
                        throw new ClassNotFoundException(name);
                    }
                    return defineClass(name, bytes, 0, bytes.length);
                }
            };
        }
    }

    /**
     * Compiles the examples, all in one compiler call.
     *
     * @param snippets   the examples to compile (none of them marked "not compiled")
     * @param instrument whether to report each {@code ValidationReport} variable to {@code observe}, and to make
     *                   the classes of every example without errors (for running them)
     * @return the classes and the errors
     */
    static Result compile(List<Snippet> snippets, boolean instrument) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        Map<Snippet, String> classNames = new LinkedHashMap<>();
        Map<String, Integer> firstLines = new LinkedHashMap<>();
        Map<URI, Source> sources = new LinkedHashMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        for (Snippet s : snippets) {
            String name = "Snippet" + classNames.size();
            classNames.put(s, PACKAGE + "." + name);
            Source source = Source.of(s, name);
            firstLines.put(PACKAGE + "." + name, source.firstLine());
            units.add(source.file());
            sources.put(source.file().toUri(), source);
        }
        List<String> options = List.of("-classpath", testClassPath(), "-proc:none", "-implicit:none",
                "-Xmaxerrs", "100000", "-XDshould-stop.ifError=FLOW");
        try (StandardJavaFileManager standard = compiler.getStandardFileManager(null, Locale.ROOT,
                StandardCharsets.UTF_8); MemoryFileManager memory = new MemoryFileManager(standard)) {
            if (instrument) {
                units = instrument(compiler, memory, options, units, sources);
            }
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            compiler.getTask(null, memory, diagnostics, options, null, units).call();
            List<Failure> failures = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                Source source = d.getSource() == null ? null : sources.get(d.getSource().toUri());
                if (source == null) {
                    throw new IllegalStateException("compiler error outside the examples: " + d);
                }
                failures.add(source.failure(d));
            }
            List<Snippet> order = List.copyOf(classNames.keySet());
            failures.sort((a, b) -> Integer.compare(order.indexOf(a.snippet()), order.indexOf(b.snippet())));
            if (instrument && !failures.isEmpty()) {
                // after an error javac generates no further class: compile the examples without errors again
                Set<Snippet> broken = failures.stream().map(Failure::snippet).collect(Collectors.toSet());
                List<JavaFileObject> clean = units.stream()
                        .filter(u -> !broken.contains(sources.get(u.toUri()).snippet())).toList();
                if (!clean.isEmpty()) {
                    compiler.getTask(null, memory, new DiagnosticCollector<>(), options, null, clean).call();
                }
            }
            return new Result(classNames, failures, memory.classes(), firstLines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the class path the tests run with (surefire's, not that of its booter jar) */
    static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /**
     * Inserts {@code observe(name);} after each local {@code ValidationReport} declaration of an example, on the
     * same line so that line numbers do not move.
     */
    private static List<JavaFileObject> instrument(JavaCompiler compiler, MemoryFileManager memory,
            List<String> options, List<JavaFileObject> units, Map<URI, Source> sources) throws IOException {
        JavacTask parse = (JavacTask) compiler.getTask(null, memory, new DiagnosticCollector<>(), options, null,
                units);
        SourcePositions positions = Trees.instance(parse).getSourcePositions();
        List<JavaFileObject> out = new ArrayList<>();
        for (CompilationUnitTree unit : parse.parse()) {
            Source source = sources.get(unit.getSourceFile().toUri());
            String text = source.text();
            TreeMap<Integer, String> inserts = new TreeMap<>();
            new TreeScanner<Void, Void>() {
                private int depth;

                @Override
                public Void visitClass(ClassTree node, Void unused) {
                    return depth++ == 0 ? super.visitClass(node, unused) : null;   // not into local classes
                }

                @Override
                public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
                    return null;   // a lambda's variables belong to the lambda
                }

                @Override
                public Void visitBlock(BlockTree node, Void unused) {
                    for (StatementTree statement : node.getStatements()) {
                        if (statement instanceof VariableTree v && v.getType() != null
                                && OBSERVED_TYPES.contains(v.getType().toString().replace(" ", ""))) {
                            int end = semicolonAfter(text, (int) positions.getEndPosition(unit, v));
                            inserts.put(end, " observe(" + v.getName() + ");");
                        }
                    }
                    return super.visitBlock(node, unused);
                }
            }.scan(unit, null);
            StringBuilder changed = new StringBuilder(text);
            for (Map.Entry<Integer, String> e : inserts.descendingMap().entrySet()) {
                changed.insert(e.getKey().intValue(), e.getValue());
            }
            Source instrumented = source.withText(changed.toString());
            sources.put(instrumented.file().toUri(), instrumented);
            out.add(instrumented.file());
        }
        return out;
    }

    private static int semicolonAfter(String text, int end) {
        if (end > 0 && text.charAt(end - 1) == ';') {
            return end;
        }
        int semicolon = text.indexOf(';', Math.max(0, end));
        if (semicolon < 0) {
            throw new IllegalStateException("no ';' after a declaration at " + end);
        }
        return semicolon + 1;
    }

    /** The generated source of one example. */
    private record Source(Snippet snippet, String className, String text, int firstLine, JavaFileObject file) {

        static Source of(Snippet snippet, String className) {
            StringBuilder out = new StringBuilder("package " + PACKAGE + ";\n");
            for (String i : IMPORTS) {
                out.append("import ").append(i).append(";\n");
            }
            out.append("/** ").append(snippet.location()).append(" */\n")
                    .append("public final class ").append(className).append(" extends ")
                    .append(SnippetContext.class.getName()).append(" {\n")
                    .append("    @Override\n")
                    .append("    public void run() throws Exception {\n");
            int firstLine = (int) out.chars().filter(c -> c == '\n').count() + 1;
            out.append(snippet.code()).append("\n    }\n}\n");
            return new Source(snippet, className, out.toString(), firstLine, null).withText(out.toString());
        }

        Source withText(String newText) {
            URI uri = URI.create("string:///" + PACKAGE + "/" + className + ".java");
            JavaFileObject f = new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return newText;
                }
            };
            return new Source(snippet, className, newText, firstLine, f);
        }

        Failure failure(Diagnostic<? extends JavaFileObject> d) {
            String message = d.getMessage(Locale.ROOT)
                    .replaceAll("\\R\\s*location: class " + PACKAGE + "\\." + className + "\\b", "")
                    .replace(PACKAGE + "." + className, "the example").strip()
                    .replaceAll("\\s*\\R\\s*", "; ").replaceAll("\\s{2,}", " ");
            if (d.getLineNumber() == Diagnostic.NOPOS) {
                return new Failure(snippet, snippet.location(), message);
            }
            return new Failure(snippet, snippet.locate(d.getLineNumber() - firstLine + 1, d.getColumnNumber()),
                    message);
        }
    }

    /** Keeps the class files in memory. */
    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {

        private final Map<String, ByteArrayOutputStream> classes = new ConcurrentHashMap<>();

        MemoryFileManager(StandardJavaFileManager standard) {
            super(standard);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            URI uri = URI.create("mem:///" + className.replace('.', '/') + kind.extension);
            return new SimpleJavaFileObject(uri, kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    classes.put(className, bytes);
                    return bytes;
                }
            };
        }

        Map<String, byte[]> classes() {
            Map<String, byte[]> out = new LinkedHashMap<>();
            classes.forEach((name, bytes) -> out.put(name, bytes.toByteArray()));
            return out;
        }
    }
}
