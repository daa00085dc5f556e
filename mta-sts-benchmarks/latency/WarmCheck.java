import dev.mtasts.examples.cli.MtaStsCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The "warm" column of run.sh: the very same {@code mta-sts check} command, run again and again inside one JVM,
 * so that its classes are loaded and its code compiled, as in a process that validates domains all day.
 *
 * <p>Each line on stdin is {@code DOMAIN<TAB>REPORT_FILE}: it runs {@code check OPTIONS... DOMAIN} through
 * {@link MtaStsCli#commandLine()} (a new command line, hence a new validator, each time), writes the report to
 * REPORT_FILE (and what the command says on stderr to REPORT_FILE.stderr), then answers on stdout with one line,
 * {@code EXIT_CODE<TAB>MICROSECONDS} (the call's own wall time). Ends at the end of stdin.
 *
 * <pre>
 * java -cp mta-sts.jar:DIR WarmCheck --json --nameserver 10.203.0.2 --ca ca.pem --allow-private-addresses --no-probe-mx
 * </pre>
 */
public final class WarmCheck {

    private WarmCheck() {
    }

    public static void main(String[] options) throws IOException {
        // as MtaStsCli.main does before its first logger: warnings and errors only, to stderr
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        PrintStream answers = System.out;
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = requests.readLine()) != null) {
            String[] parts = line.split("\t", 2);
            if (parts.length != 2) {
                answers.println("2\t0");
                answers.flush();
                continue;
            }
            List<String> argv = new ArrayList<>();
            argv.add("check");
            argv.addAll(List.of(options));
            argv.add(parts[0]);
            Path report = Path.of(parts[1]);
            int code;
            long micros;
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8));
                 PrintWriter err = new PrintWriter(Files.newBufferedWriter(Path.of(parts[1] + ".stderr"),
                         StandardCharsets.UTF_8))) {
                long start = System.nanoTime();
                code = MtaStsCli.commandLine().setOut(out).setErr(err).execute(argv.toArray(String[]::new));
                out.flush();
                micros = (System.nanoTime() - start) / 1000;
            }
            answers.println(code + "\t" + micros);
            answers.flush();
        }
    }
}
