package dev.mtasts.examples.cli;

import dev.mtasts.testkit.MtaStsSandbox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code mta-sts} in-process through picocli, with stdout and stderr captured. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return withStdin(new byte[0], args);
    }

    /** Runs with {@code stdin} as the standard input of {@code scan -}. */
    static CliRun withStdin(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MtaStsCli.commandLine();
        ((ScanCommand) cli.getSubcommands().get("scan").getCommand()).stdin = new ByteArrayInputStream(stdin);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * The options that point {@code check} and {@code scan} at a sandbox: its name server, its CA, its ports (the
     * SMTP servers' too, so the MX probe the command line runs by default reaches them), private addresses
     * allowed. Tests never use the system resolver.
     */
    static List<String> sandboxOptions(MtaStsSandbox sandbox, Path dir) {
        Path ca = dir.resolve("sandbox-ca.pem");
        try {
            Files.writeString(ca, sandbox.authority().rootPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>();
        args.add("--nameserver=" + sandbox.dnsServer().host() + ":" + sandbox.dnsServer().port());
        args.add("--ca=" + ca);
        args.add("--allow-private-addresses");
        args.add("--https-port=" + sandbox.httpsServer().httpsPort());
        args.add("--http-port=" + sandbox.httpsServer().httpPort());
        args.add("--smtp-port=" + sandbox.smtpServer().port());
        args.add("--timeout=10s");
        return args;
    }

    static String[] args(String command, List<String> options, String... rest) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(options);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
