package dev.mtasts.resolver;

import dev.mtasts.DomainName;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a TXT look-up: every TXT record of the name, each with its character-strings.
 *
 * <p>A name can hold several TXT records (an SPF record beside the {@code v=STSv1} one, say); the
 * validator, not the resolver, decides which one counts. {@link #records()} is empty unless the
 * outcome is {@link DnsOutcome#FOUND}. This type is an immutable value.
 *
 * <pre>{@code
 * TxtAnswer answer = resolver.txt(domain.prefixedWith("_mta-sts")).toCompletableFuture().join();
 * List<String> texts = answer.joined();   // one string per record, its strings concatenated
 * }</pre>
 *
 * <p>A {@code DnsResolver} of a test's own builds its answers with the factories {@link #found(DomainName,
 * String...)}, {@link #nxdomain(DomainName)}, {@link #nodata(DomainName)} and {@link #failure(DomainName,
 * DnsOutcome, String)}; each gives a {@link DnsResult#of result} that knows nothing else (no TTL, no server).
 *
 * @param result  the outcome and facts of the look-up
 * @param records the TXT records, in the order the server gave them
 * @since 0.1.0
 */
public record TxtAnswer(DnsResult result, List<TxtRecord> records) implements DnsAnswer {

    /**
     * @throws NullPointerException if a component is null
     */
    public TxtAnswer {
        Objects.requireNonNull(result, "result");
        records = List.copyOf(Objects.requireNonNull(records, "records"));
    }

    /**
     * An answer without records, for any outcome other than {@code FOUND}.
     *
     * @param result the outcome and facts
     * @return the answer
     */
    public static TxtAnswer empty(DnsResult result) {
        return new TxtAnswer(result, List.of());
    }

    /**
     * A {@code FOUND} answer whose records are each a single character-string, as a fake resolver gives it.
     *
     * <pre>{@code
     * TxtAnswer answer = TxtAnswer.found(DomainName.of("_mta-sts.example.com"),
     *         "v=STSv1; id=20260101T000000", "v=spf1 -all");   // two records at the name
     * answer.joined();                                          // [v=STSv1; id=20260101T000000, v=spf1 -all]
     * }</pre>
     *
     * @param name    the name asked for
     * @param records the records, in the order the server gives them, one character-string each; at least one
     * @return the answer
     * @throws NullPointerException     when an argument or a record is null (the message names it)
     * @throws IllegalArgumentException when there is no record: use {@link #nodata(DomainName)}
     */
    public static TxtAnswer found(DomainName name, String... records) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(records, "records");
        List<String> strings = FakeAnswers.nonEmpty(Arrays.asList(records), "records");
        return new TxtAnswer(DnsResult.of(name, DnsOutcome.FOUND), strings.stream().map(TxtRecord::of).toList());
    }

    /**
     * A {@code FOUND} answer of records given whole, for records of several character-strings.
     *
     * <pre>{@code
     * TxtAnswer answer = TxtAnswer.found(DomainName.of("_mta-sts.example.com"),
     *         List.of(TxtRecord.of("v=STSv1; ", "id=20260101T000000")));   // one record, two strings
     * answer.joined();                                                      // [v=STSv1; id=20260101T000000]
     * }</pre>
     *
     * @param name    the name asked for
     * @param records the records, in the order the server gives them; at least one
     * @return the answer
     * @throws NullPointerException     when an argument or a record is null (the message names it)
     * @throws IllegalArgumentException when there is no record: use {@link #nodata(DomainName)}
     */
    public static TxtAnswer found(DomainName name, List<TxtRecord> records) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(records, "records");
        return new TxtAnswer(DnsResult.of(name, DnsOutcome.FOUND), FakeAnswers.nonEmpty(records, "records"));
    }

    /**
     * The answer for a name that does not exist.
     *
     * <pre>{@code
     * TxtAnswer answer = TxtAnswer.nxdomain(DomainName.of("_mta-sts.example.com"));
     * answer.outcome();   // NXDOMAIN
     * }</pre>
     *
     * @param name the name asked for
     * @return the answer, without records
     */
    public static TxtAnswer nxdomain(DomainName name) {
        Objects.requireNonNull(name, "name");
        return empty(DnsResult.of(name, DnsOutcome.NXDOMAIN));
    }

    /**
     * The answer for a name that exists but has no TXT record.
     *
     * <pre>{@code
     * TxtAnswer answer = TxtAnswer.nodata(DomainName.of("_smtp._tls.example.com"));
     * answer.records();   // []
     * }</pre>
     *
     * @param name the name asked for
     * @return the answer, without records
     */
    public static TxtAnswer nodata(DomainName name) {
        Objects.requireNonNull(name, "name");
        return empty(DnsResult.of(name, DnsOutcome.NODATA));
    }

    /**
     * The answer of a look-up that failed: nothing is known about the name.
     *
     * <pre>{@code
     * TxtAnswer answer = TxtAnswer.failure(DomainName.of("_mta-sts.example.com"), DnsOutcome.TIMEOUT,
     *         "no reply from 192.0.2.53 within 3 s");
     * answer.result().detail();   // Optional[no reply from 192.0.2.53 within 3 s]
     * }</pre>
     *
     * @param name    the name asked for
     * @param outcome the failure: any outcome for which {@link DnsOutcome#isFailure()} is true
     * @param detail  why, for people; blank for no detail
     * @return the answer, without records
     * @throws IllegalArgumentException when the outcome is {@code FOUND}, {@code NXDOMAIN} or {@code NODATA}
     */
    public static TxtAnswer failure(DomainName name, DnsOutcome outcome, String detail) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        return empty(DnsResult.failure(name, FakeAnswers.failureOutcome(outcome), detail));
    }

    /** @return each record's strings concatenated without separator (RFC 8461 §3.1), one entry per record */
    public List<String> joined() {
        return records.stream().map(TxtRecord::joined).toList();
    }
}
