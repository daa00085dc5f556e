package dev.mtasts.examples.serve;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.ValidationListener;
import dev.mtasts.Validator;
import dev.mtasts.testkit.Deployment;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.MtaStsSandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mta-sts serve}: a web page that checks a domain, each layer filling in as the validation runs, with the
 * verdict, promotion readiness, what to fix and what to publish; and its API, {@code GET /api/check?domain=...}
 * (the JSON report) and {@code GET /api/events?domain=...} (Server-Sent Events). Runs until interrupted.
 *
 * <p>The validator keeps the library's default address policy (public addresses only), so the page cannot be used
 * to reach private networks; only {@code --demo}, whose domains live in a sandbox on loopback, allows loopback.
 *
 * @since 0.1.0
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        versionProvider = ServeCommand.Version.class,
        description = "Serve a web page that checks a domain: each layer fills in as it is checked, then the"
                + " verdict, promotion readiness, each finding with its fix and the exact records and policy to"
                + " publish. API: GET /api/check?domain=D (the JSON report), GET /api/events?domain=D"
                + " (text/event-stream). Runs until Ctrl-C.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:stopped",
                "2:usage error (such as a port out of range)",
                "3:could not start (the address is in use or cannot be listened on, or the sandbox failed)"})
public final class ServeCommand implements Callable<Integer> {

    /** The deadline of a demo validation (the sandbox answers at once; a cold JVM can take seconds). */
    static final Duration DEMO_DEADLINE = Duration.ofSeconds(15);

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port to listen on, 0 for any free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", converter = BindAddressConverter.class,
            description = "The IP address to listen on. Default: 127.0.0.1 (this machine only); 0.0.0.0 or ::"
                    + " for every interface: then put it behind a reverse proxy with TLS.")
    InetAddress bind;

    @Option(names = "--demo",
            description = "Offline: check the domains of a sandbox on loopback (DNS, HTTPS, SMTP and a throw-away"
                    + " CA), good and broken deployments, listed on the page as examples.")
    boolean demo;

    @Option(names = "--probe-mx", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Probe each MX host's STARTTLS, certificate and DANE. Default: on; --no-probe-mx checks"
                    + " names and addresses only.")
    boolean probeMx = true;

    /** Counted down to stop {@link #call()}; a test stops the command by interrupting its thread. */
    private final CountDownLatch stop = new CountDownLatch(1);

    /** Counted down once the server and sandbox are closed, for the shutdown hook to wait on. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** For picocli. */
    public ServeCommand() {
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, not " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerSettings settings = ServerSettings.defaults()
                .withBind(bind == null ? ServerSettings.LOOPBACK : bind, port);
        MtaStsSandbox sandbox = null;
        try {
            Function<ValidationListener, Validator> validatorWith;
            if (demo) {
                sandbox = MtaStsSandbox.start();
                List<Deployment> deployments = Deployments.installAll(sandbox);
                settings = settings.withExamples(deployments.stream()
                        .map(d -> new Example(d.domain(), d.title(), d.description())).toList());
                MtaStsSandbox box = sandbox;
                validatorWith = listener -> {
                    Validator.Builder builder = box.validatorBuilder().deadline(DEMO_DEADLINE).listener(listener);
                    return probeMx ? builder.build() : builder.noMxProbe().build();
                };
            } else {
                validatorWith = listener -> {
                    Validator.Builder builder = MtaStsValidator.builder().listener(listener);
                    return probeMx ? builder.build() : builder.noMxProbe().build();
                };
            }
            return serve(settings, validatorWith, out, err);
        } catch (RuntimeException e) {
            if (sandbox == null && demo) {
                err.println("mta-sts serve: the demo sandbox could not start: " + e.getMessage());
                err.flush();
                return 3;
            }
            throw e;
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
            stopped.countDown();
        }
    }

    private int serve(ServerSettings settings, Function<ValidationListener, Validator> validatorWith,
                      PrintWriter out, PrintWriter err) {
        CheckServer server;
        try {
            server = CheckServer.start(settings, validatorWith);
        } catch (IOException e) {
            err.println("mta-sts serve: cannot listen on " + settings.bind().getHostAddress() + " port "
                    + settings.port() + ": " + e.getMessage());
            err.flush();
            return 3;
        }
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(3, TimeUnit.SECONDS);   // let the server and the sandbox close their sockets
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mta-sts-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (server) {
            out.println("mta-sts serve: " + server.uri() + (demo ? "  (demo: " + settings.examples().size()
                    + " sandbox domains, offline)" : "") + "   Ctrl-C stops.");
            out.println("  API: " + server.uri() + "api/check?domain=example.com   " + server.uri()
                    + "api/events?domain=example.com");
            out.flush();
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping: the hook is running
            }
        }
        return 0;
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ServeCommand.class.getPackage().getImplementationVersion();
            return new String[] {"mta-sts " + (v == null ? "(development build)" : v)};
        }
    }
}
