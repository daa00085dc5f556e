package dev.mtasts.examples;

import dev.mtasts.DomainName;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.report.ValidationReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Validating thousands of domains with bounded concurrency: one shared validator, a semaphore that holds the
 * producer back while {@code concurrency} validations are in flight, and each report handed on as it completes.
 * Memory stays flat however many domains there are, since nothing is kept once it has been handed on.
 *
 * <pre>{@code
 * BulkScan scan = new BulkScan(MtaStsValidator.builder().build(), 64);
 * scan.run(domains.iterator(),
 *         report -> System.out.println(report.domain() + " " + report.verdict()),
 *         (line, why) -> System.err.println(line + ": " + why));
 * }</pre>
 */
public final class BulkScan {

    private final Validator validator;
    private final int concurrency;

    /**
     * @param validator   the validator, shared by every validation (it is thread-safe)
     * @param concurrency the most validations in flight at once
     */
    public BulkScan(Validator validator, int concurrency) {
        this.validator = Objects.requireNonNull(validator, "validator");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        this.concurrency = concurrency;
    }

    /**
     * Validates every domain and returns when all reports have been handed on.
     *
     * @param domains  the domains, read one at a time
     * @param onReport called with each report, from the thread that completed it (make it thread-safe)
     * @param onError  called with an input that is not a domain, or whose validation failed, and why
     * @throws InterruptedException when interrupted while waiting for a free slot
     */
    public void run(Iterator<String> domains, Consumer<ValidationReport> onReport,
                    BiConsumer<String, String> onError) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        while (domains.hasNext()) {
            String input = domains.next();
            DomainName name;
            try {
                name = DomainName.of(input.strip());
            } catch (IllegalArgumentException e) {
                onError.accept(input, e.getMessage());
                continue;
            }
            slots.acquire();
            validator.validateAsync(name.value()).whenComplete((report, failure) -> {
                try {
                    if (failure != null) {
                        onError.accept(input, failure.toString());
                    } else {
                        onReport.accept(report);
                    }
                } finally {
                    slots.release();
                }
            });
        }
        slots.acquire(concurrency);     // every validation has been handed on
        slots.release(concurrency);
    }

    /**
     * Validates the domains of a file (one a line) and prints one line per domain.
     *
     * @param args the file
     * @throws IOException          when the file cannot be read
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        BulkScan scan = new BulkScan(MtaStsValidator.builder().build(), 64);
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            Iterator<String> lines = in.lines().filter(l -> !l.isBlank()).iterator();
            scan.run(lines,
                    report -> System.out.println(report.domain() + " " + report.verdict()
                            + (report.hasErrors() ? " " + report.errors().get(0).code() : "")),
                    (line, why) -> System.err.println(line + ": " + why));
        }
    }
}
