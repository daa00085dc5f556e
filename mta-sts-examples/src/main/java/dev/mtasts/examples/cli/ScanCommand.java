package dev.mtasts.examples.cli;

import dev.mtasts.BulkOptions;
import dev.mtasts.Validator;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.tlsrpt.TlsRptReports;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mta-sts scan FILE|-}: one JSON line per input line, written as each validation completes.
 *
 * <p>Memory stays flat however long the input: {@link dev.mtasts.Validator#validateAll} reads a line only when
 * one of the {@code --concurrency} slots is free, each result is written and dropped, and the summary keeps counts
 * only. {@code BulkScan} shows the same call bare.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = MtaStsCli.Version.class,
        sortOptions = false,
        description = "Validate many domains (one a line; blank lines skipped; # starts a comment, on a line"
                + " of its own or after the domain) and write one JSON line per input line (JSON Lines) as they"
                + " complete: the report, with \"input\" (the line as read) after \"schemaVersion\", or, for a line"
                + " that is not a domain (or not UTF-8, or longer than 4096 bytes), {\"input\": ..., \"error\": ...}."
                + " A summary goes to stderr at the end. With --reports, each domain a TLS-RPT report is about"
                + " has its readiness judged with the reports' evidence; the other domains as without.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:no ERROR finding in any report",
                "1:a report has ERROR findings (or verdict BROKEN, or mail at risk)",
                "2:usage or input error (such as an unreadable FILE); bad lines are reported, not fatal",
                "3:the scan could not run: every report's verdict is UNKNOWN (no DNS look-up got an answer, or"
                        + " the policy fetch ran out of --timeout)"})
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ValidationOptions options;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
            description = "Validations in flight at once. Each makes up to seven DNS queries at a time, so the"
                    + " default keeps an ordinary resolver from dropping queries (a dropped answer would be reported"
                    + " as a failed look-up); with a local caching resolver, 200 or more scan faster."
                    + " Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the JSON Lines here. Default: stdout.")
    Path output;

    @Parameters(paramLabel = "FILE|-", description = "The domains, one a line; - reads stdin.")
    String input;

    /** Where {@code -} reads from; tests replace it. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (concurrency < 1 || concurrency > 10_000) {
            throw new ParameterException(spec.commandLine(), "--concurrency must be 1-10000, not " + concurrency);
        }
        PrintWriter err = spec.commandLine().getErr();
        options.noteMissingProbe(err);
        Snapshots previous = options.previousSnapshots();
        Optional<TlsRptReports> evidence = options.reports(err, spec.qualifiedName());
        Validator validator = options.validator();
        boolean interactive = Terminal.stderr();
        Progress progress = interactive ? new Progress(err, countLines()) : Progress.NONE;
        ScanSummary summary = new ScanSummary();
        long start = System.nanoTime();

        try (InputLines in = openInput();
             JsonLines out = openOutput();
             SnapshotWriter save = SnapshotWriter.open(options.save)) {
            BulkOptions bulk = BulkOptions.builder()
                    .maxInFlight(concurrency)
                    .inputParser(line -> {
                        String text = domainText(line);
                        return text.isEmpty() ? Optional.empty() : Optional.of(DomainArgument.parse(text));
                    })
                    .requestFor(name -> ValidationOptions.request(name, previous.get(name.value()), evidence, true))
                    .build();
            validator.validateAll(readableLines(in, out, summary), bulk, result -> {
                try {
                    switch (result.outcome()) {
                        case REPORT -> {
                            ValidationReport report = result.report().orElseThrow();
                            out.write(ReportJson.scanLine(result.input(), report));
                            ValidationOptions.snapshotLine(report, previous.get(report.domain().value()))
                                    .ifPresent(save::write);
                            summary.add(report);
                        }
                        case INPUT_ERROR -> {
                            out.write(ReportJson.inputError(result.input(), result.problem()));
                            summary.inputError();
                        }
                        case FAILED -> {
                            out.write(ReportJson.inputError(result.input(), "validation failed: " + result.problem()));
                            summary.failure();
                        }
                    }
                } finally {
                    progress.update(summary.done());
                }
            });
            save.commit();
        }
        progress.finish();
        summary.print(err, (System.nanoTime() - start) / 1_000_000);
        return summary.exitCode();
    }

    /**
     * The part of an input line that names a domain: everything before the first {@code #} (a comment, whole-line
     * or trailing, as in {@code example.com  # our main domain}), without surrounding whitespace. A domain name
     * never contains {@code #}, so nothing that could be a domain is cut off.
     *
     * @param line a line as read
     * @return the domain text, empty for a blank or comment-only line
     */
    static String domainText(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    /**
     * The text of each input line that could be read, for the bulk validation to parse; a line that could not (not
     * UTF-8, too long) is written as an input error here, in input order, and not handed on.
     */
    private Iterator<String> readableLines(InputLines in, JsonLines out, ScanSummary summary) {
        return new Iterator<>() {
            private InputLines.Line pending;
            private boolean ended;

            @Override
            public boolean hasNext() {
                while (pending == null && !ended) {
                    InputLines.Line line = ScanCommand.this.next(in);
                    if (line == null) {
                        ended = true;
                    } else if (line.error() != null) {
                        out.write(ReportJson.inputError(line.text(), line.error()));
                        summary.inputError();
                    } else {
                        pending = line;
                    }
                }
                return pending != null;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String text = pending.text();
                pending = null;
                return text;
            }
        };
    }

    /** The input lines: FILE and stdin alike (see {@link InputLines}). */
    private InputLines openInput() {
        if ("-".equals(input)) {
            return new InputLines(stdin);
        }
        Path file = Path.of(input);
        FileErrors.requireNotDirectory("cannot read", file);
        try {
            return new InputLines(Files.newInputStream(file));
        } catch (IOException e) {
            throw FileErrors.of("cannot read", input, e);
        }
    }

    /** The next input line; a read that fails half-way is an input error too, in the same words. */
    private InputLines.Line next(InputLines in) {
        try {
            return in.next();
        } catch (IOException e) {
            throw FileErrors.of("cannot read", "-".equals(input) ? "stdin" : input, e);
        }
    }

    /**
     * The number of lines to validate or report, for the ETA: a cheap streaming pass over a file, read as the scan
     * reads it; unknown for stdin.
     */
    private OptionalLong countLines() {
        if ("-".equals(input)) {
            return OptionalLong.empty();
        }
        try (InputLines lines = new InputLines(Files.newInputStream(Path.of(input)))) {
            long count = 0;
            InputLines.Line line;
            while ((line = lines.next()) != null) {
                if (line.error() != null || !domainText(line.text()).isEmpty()) {
                    count++;
                }
            }
            return OptionalLong.of(count);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private JsonLines openOutput() {
        if (output == null) {
            return new JsonLines(spec.commandLine().getOut(), true);
        }
        try {
            return new JsonLines(Files.newBufferedWriter(output, StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw FileErrors.of("cannot write", output, e);
        }
    }

    /** JSON Lines, one writer shared by the threads that complete validations. */
    static final class JsonLines implements AutoCloseable {
        private final Writer writer;
        private final boolean flushEachLine;

        JsonLines(Writer writer, boolean flushEachLine) {
            this.writer = writer;
            this.flushEachLine = flushEachLine;
        }

        synchronized void write(String line) {
            try {
                writer.write(line);
                writer.write('\n');
                if (flushEachLine) {
                    writer.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            if (flushEachLine) {
                writer.flush();
            } else {
                writer.close();
            }
        }
    }

    /**
     * Writes {@code --save} snapshots as they come, to a temporary file moved into place when the scan is done:
     * an interrupted scan leaves the old file whole, and {@code --previous} and {@code --save} can name one file.
     */
    static final class SnapshotWriter implements AutoCloseable {
        private final Path target;
        private final Path temporary;
        private final BufferedWriter writer;
        private boolean committed;

        private SnapshotWriter(Path target, Path temporary, BufferedWriter writer) {
            this.target = target;
            this.temporary = temporary;
            this.writer = writer;
        }

        static SnapshotWriter open(Path target) {
            if (target == null) {
                return new SnapshotWriter(null, null, null);
            }
            try {
                Path dir = target.toAbsolutePath().getParent();
                Path temporary = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
                return new SnapshotWriter(target, temporary, Files.newBufferedWriter(temporary,
                        StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw FileErrors.of("cannot write snapshot file", target, e);
            }
        }

        synchronized void write(String line) {
            if (writer == null) {
                return;
            }
            try {
                writer.write(line);
                writer.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void commit() throws IOException {
            if (writer == null) {
                return;
            }
            writer.close();
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        }

        @Override
        public synchronized void close() throws IOException {
            if (writer != null && !committed) {
                writer.close();
                Files.deleteIfExists(temporary);
            }
        }
    }
}
