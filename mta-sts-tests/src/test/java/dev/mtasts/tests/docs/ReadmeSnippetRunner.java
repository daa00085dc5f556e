package dev.mtasts.tests.docs;

import dev.mtasts.DomainName;
import dev.mtasts.dns.DnsjavaResolver;
import dev.mtasts.record.StsRecord;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.testkit.MtaStsSandbox;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.ResolverConfig;

/**
 * The program {@link ReadmeSnippetsRunTest} starts in a JVM of its own to run the README examples, so that what
 * they change (dnsjava's configuration, read once per JVM, above all) cannot leak into other tests.
 *
 * <p>It expects {@code -Ddns.server=127.0.0.1:<port>} (the test's sandbox, so that the defaults, which use the
 * system's name servers, ask it), {@code -Djava.security.manager=allow} and {@code jdk.net.hosts.file}. It
 * installs the {@link LoopbackOnlyGuard} before anything else, then asks dnsjava's default configuration which
 * name servers it uses and resolves a name with a default {@link DnsjavaResolver}, then compiles every README
 * example in one call and runs each in a fresh {@link SnippetContext} with a sandbox of its own.
 *
 * <p>It reports on standard output, one fact a line, each line starting with {@value #PREFIX}, for
 * {@link ReadmeSnippetsRunTest} to read: {@code servers}, {@code probe}, then for each example {@code report}
 * (one per {@code ValidationReport} variable: location, domain, verdict, record id), {@code refused} (a connection
 * the guard refused) and {@code ran} or {@code failed} (with the stack trace on one line), or {@code skipped} /
 * {@code uncompiled}; {@code done} last.
 */
final class ReadmeSnippetRunner {

    /** What starts every line of the protocol. */
    static final String PREFIX = "@@ ";

    /** How long one example may run. */
    private static final long TIMEOUT_SECONDS = 60;

    private ReadmeSnippetRunner() {
    }

    /**
     * @param args none
     * @throws Exception when the guard cannot be installed (no example runs then)
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        LoopbackOnlyGuard guard = LoopbackOnlyGuard.install();
        out.println(PREFIX + "guard active");

        out.println(PREFIX + "servers " + ResolverConfig.getCurrentConfig().servers());
        TxtAnswer probe = DnsjavaResolver.builder().build().txt(DomainName.of("_mta-sts.example.com"))
                .toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        out.println(PREFIX + "probe " + probe.outcome() + " " + probe.result().server().map(Object::toString)
                .orElse("-") + " " + String.join("|", probe.joined()));
        guard.takeRefused().forEach(r -> out.println(PREFIX + "refused probe " + r));

        List<Snippet> snippets = DocSources.ofThisRepository().readmes();
        List<Snippet> compilable = snippets.stream().filter(s -> s.notCompiledReason().isEmpty()).toList();
        SnippetCompiler.Result compiled = SnippetCompiler.compile(compilable, true);
        ClassLoader loader = compiled.loader(ReadmeSnippetRunner.class.getClassLoader());
        for (Snippet s : snippets) {
            String at = s.location();
            if (!compilable.contains(s)) {
                out.println(PREFIX + "skipped " + at);
                continue;
            }
            if (!compiled.failuresOf(s).isEmpty()) {
                out.println(PREFIX + "uncompiled " + at);
                continue;
            }
            SnippetContext context = (SnippetContext) loader.loadClass(compiled.classNames().get(s))
                    .getConstructor().newInstance();
            try (MtaStsSandbox own = MtaStsSandbox.start()) {
                context.prepare(own);
                Throwable failure = run(context);
                for (ValidationReport r : context.observed) {
                    out.println(PREFIX + "report " + at + " " + (r == null ? "null" : r.domain().value() + " "
                            + r.verdict() + " " + r.stsRecord().map(StsRecord::id).orElse("-")));
                }
                guard.takeRefused().forEach(r -> out.println(PREFIX + "refused " + at + " " + r));
                out.println(PREFIX + (failure == null ? "ran " + at : "failed " + at + " " + oneLine(failure)));
            }
        }
        out.println(PREFIX + "done");
        out.flush();
        System.exit(0);   // the examples' executors and sandboxes may leave threads behind
    }

    /** @return what the example threw, or null when it ran to its end within the time-out */
    private static Throwable run(SnippetContext context) throws InterruptedException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                context.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "readme-example");
        t.setDaemon(true);
        t.start();
        try {
            done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            return cause instanceof InvocationTargetException i ? i.getCause() : cause;
        } catch (TimeoutException e) {
            return new TimeoutException("the example did not end within " + TIMEOUT_SECONDS + " s");
        }
    }

    private static String oneLine(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString().strip().replaceAll("\\s*\\R\\s*", " | ");
    }
}
