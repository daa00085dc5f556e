package dev.mtasts.resolver;

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

    /** @return each record's strings concatenated without separator (RFC 8461 §3.1), one entry per record */
    public List<String> joined() {
        return records.stream().map(TxtRecord::joined).toList();
    }
}
