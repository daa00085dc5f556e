package dev.mtasts.tests.docs;

import dev.mtasts.DomainName;
import dev.mtasts.dns.DnsjavaResolver;
import dev.mtasts.record.StsRecord;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.testkit.MtaStsSandbox;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.ResolverConfig;

/**
 * The program {@link DocSnippetsRunTest} starts in a JVM of its own to run the documentation examples (README
 * blocks and Javadoc blocks), so that what they change (dnsjava's configuration, read once per JVM, above all)
 * cannot leak into other tests.
 *
 * <p>It expects {@code -Ddns.server=127.0.0.1:<port>} (the test's sandbox, so that the defaults, which use the
 * system's name servers, ask it), {@code -Djava.security.manager=allow}, {@code jdk.net.hosts.file}, and a working
 * directory and {@code java.io.tmpdir} of its own under {@code target/}, where the files an example writes land. It
 * installs the {@link LoopbackOnlyGuard} before anything else, then asks dnsjava's default configuration which
 * name servers it uses and resolves a name with a default {@link DnsjavaResolver}, then compiles every example that
 * is to run in one call and runs them one after the other, each in a fresh {@link SnippetContext} with a sandbox of
 * its own ({@link SnippetContext#prepare}).
 *
 * <p>It reports on standard output, one fact a line, each line starting with {@value #PREFIX} (on a line of its
 * own, whatever an example printed before), for {@link DocSnippetsRunTest} to read: {@code servers},
 * {@code probe}, then for each example {@code report} (one per {@code ValidationReport} variable: location, domain,
 * verdict, record id), {@code refused} (a connection the guard refused), {@code took} (milliseconds, context
 * included) and {@code ran} or {@code failed} (with the stack trace on one line), or {@code skipped} (marked not
 * compiled or not run) or {@code uncompiled} (a compiler error, which {@link DocSnippetsCompileTest} reports);
 * {@code done} last.
 */
final class DocSnippetRunner {

    /** What starts every line of the protocol. */
    static final String PREFIX = "@@ ";

    /** How many frames of each exception a failure shows. */
    private static final int MAX_FRAMES = 12;

    /** How long one example may run, its context aside. */
    private static final long TIMEOUT_SECONDS = 30;

    private DocSnippetRunner() {
    }

    /**
     * @param args none
     * @throws Exception when the guard cannot be installed (no example runs then)
     */
    public static void main(String[] args) throws Exception {
        LineEnds stdout = new LineEnds(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        System.setOut(out);
        Facts facts = new Facts(out, stdout);
        LoopbackOnlyGuard guard = LoopbackOnlyGuard.install();
        facts.tell("guard active");

        facts.tell("servers " + ResolverConfig.getCurrentConfig().servers());
        TxtAnswer probe = DnsjavaResolver.builder().build().txt(DomainName.of("_mta-sts.example.com"))
                .toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        facts.tell("probe " + probe.outcome() + " " + probe.result().server().map(Object::toString).orElse("-")
                + " " + String.join("|", probe.joined()));
        guard.takeRefused().forEach(r -> facts.tell("refused probe " + r));

        List<Snippet> snippets = DocSources.ofThisRepository().all();
        List<Snippet> runnable = snippets.stream().filter(Snippet::isRun).toList();
        SnippetCompiler.Result compiled = SnippetCompiler.compile(runnable, true);
        ClassLoader loader = compiled.loader(DocSnippetRunner.class.getClassLoader());
        String previous = "probe";
        for (Snippet s : snippets) {
            String at = s.location();
            if (!s.isRun()) {
                facts.tell("skipped " + at);
            } else if (!compiled.failuresOf(s).isEmpty()) {
                facts.tell("uncompiled " + at);
            } else {
                SnippetContext context = (SnippetContext) loader.loadClass(compiled.classNames().get(s))
                        .getConstructor().newInstance();
                runOne(at, previous, context, compiled, guard, facts);
                previous = at;
            }
        }
        leftovers(previous, guard, facts);
        facts.tell("done");
        System.exit(0);   // the examples' executors and sandboxes may leave threads behind
    }

    /**
     * Tells the connections refused since the last example's facts as that example's: what it started and did not
     * wait for (a fetch whose stage it never joined) may connect after it ended. Called before the next example
     * runs (its context only connects to loopback) and at the end.
     */
    private static void leftovers(String previous, LoopbackOnlyGuard guard, Facts facts) {
        guard.takeRefused().forEach(r -> facts.tell("refused " + previous + " " + r));
    }

    /** Runs one example in its own context and sandbox, and tells what happened. */
    private static void runOne(String at, String previous, SnippetContext context, SnippetCompiler.Result compiled,
            LoopbackOnlyGuard guard, Facts facts) {
        long start = System.nanoTime();
        Throwable failure;
        try (MtaStsSandbox own = MtaStsSandbox.start()) {
            failure = prepare(context, own);
            leftovers(previous, guard, facts);
            if (failure == null) {
                failure = run(context);
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        for (ValidationReport r : context.observed) {
            facts.tell("report " + at + " " + (r == null ? "null" : r.domain().value() + " " + r.verdict() + " "
                    + r.stsRecord().map(StsRecord::id).orElse("-")));
        }
        guard.takeRefused().forEach(r -> facts.tell("refused " + at + " " + r));
        facts.tell("took " + at + " " + millis);
        facts.tell(failure == null ? "ran " + at : "failed " + at + " " + describe(failure, compiled));
    }

    /** @return null when the context is ready, or why it is not */
    private static Throwable prepare(SnippetContext context, MtaStsSandbox sandbox) {
        try {
            context.prepare(sandbox);
            return null;
        } catch (Exception e) {
            return new IllegalStateException("the example's context could not be prepared", e);
        }
    }

    /** @return what the example threw, or null when it ran to its end within the time-out */
    private static Throwable run(SnippetContext context) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                context.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "doc-example");
        t.setDaemon(true);
        t.start();
        try {
            done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return cause instanceof InvocationTargetException i ? i.getCause() : cause;
        } catch (TimeoutException e) {
            return new TimeoutException("the example did not end within " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /**
     * @return the exception and its causes on one line ({@code " | "} between lines), each frame of an example's
     *         code named by its documentation file and line, the runner's own frames left out
     */
    static String describe(Throwable e, SnippetCompiler.Result compiled) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            out.append(t == e ? "" : " | caused by: ").append(t.toString().strip().replaceAll("\\s*\\R\\s*", " | "));
            StackTraceElement[] frames = t.getStackTrace();
            int shown = 0;
            for (StackTraceElement f : frames) {
                if (f.getClassName().startsWith(DocSnippetRunner.class.getName()) || shown == MAX_FRAMES) {
                    break;
                }
                String generated = f.getClassName().replaceFirst("\\$.*", "");   // lambdas, local classes
                out.append(" | at ").append(compiled.locate(generated, f.getLineNumber())
                        .map(at -> "the example (" + at + ")").orElse(f.toString()));
                shown++;
            }
            if (shown < frames.length && shown == MAX_FRAMES) {
                out.append(" | ...");
            }
        }
        return out.toString();
    }

    /** Writes the protocol's lines, each on a line of its own even when an example left a line unfinished. */
    private record Facts(PrintStream out, LineEnds ends) {
        void tell(String fact) {
            synchronized (out) {
                if (!ends.atLineStart()) {
                    out.println();
                }
                out.println(PREFIX + fact);
                out.flush();
            }
        }
    }

    /** Remembers whether the last byte written was the end of a line. */
    private static final class LineEnds extends FilterOutputStream {
        private volatile boolean atLineStart = true;

        LineEnds(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            atLineStart = b == '\n';
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (len > 0) {
                atLineStart = b[off + len - 1] == '\n';
            }
        }

        boolean atLineStart() {
            return atLineStart;
        }
    }
}
