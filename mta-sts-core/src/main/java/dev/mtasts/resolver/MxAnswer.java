package dev.mtasts.resolver;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The answer to an MX look-up: the mail exchangers, the null MX of RFC 7505, and any exchange names
 * that are not host names.
 *
 * <p>Nothing DNS said is dropped: a record whose exchange is the root ({@code MX 0 .}) sets
 * {@link #nullMx()}; a record whose exchange is not a valid host name (an IP address written as a
 * name, say) is listed in {@link #invalidHosts()} so that the validator can report it; the rest are
 * {@link #records()}, in the order the server gave them. RFC 7505 §3 forbids a null MX beside other
 * MX records: such a domain has {@code nullMx()} true and non-empty {@code records()}.
 *
 * <p>This type is an immutable value.
 *
 * <pre>{@code
 * MxAnswer answer = resolver.mx(domain).toCompletableFuture().join();
 * if (answer.isNullMxOnly()) {
 *     // the domain accepts no mail
 * }
 * for (MxRecord mx : answer.byPreference()) {
 *     System.out.println(mx.preference() + " " + mx.host());
 * }
 * }</pre>
 *
 * @param result       the outcome and facts of the look-up
 * @param records      the MX records with a valid host name
 * @param nullMx       true when a record with the root as exchange ({@code .}) was present
 * @param invalidHosts the exchange names, as published, that are neither the root nor a valid host name
 * @since 0.1.0
 */
public record MxAnswer(DnsResult result, List<MxRecord> records, boolean nullMx, List<String> invalidHosts)
        implements DnsAnswer {

    /**
     * @throws NullPointerException if a component is null
     */
    public MxAnswer {
        Objects.requireNonNull(result, "result");
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        invalidHosts = List.copyOf(Objects.requireNonNull(invalidHosts, "invalidHosts"));
    }

    /**
     * An answer without records, for any outcome other than {@code FOUND}.
     *
     * @param result the outcome and facts
     * @return the answer
     */
    public static MxAnswer empty(DnsResult result) {
        return new MxAnswer(result, List.of(), false, List.of());
    }

    /**
     * @return true when the domain publishes a null MX and nothing else: it accepts no mail (RFC 7505)
     */
    public boolean isNullMxOnly() {
        return nullMx && records.isEmpty() && invalidHosts.isEmpty();
    }

    /** @return the records sorted by preference, lowest first; equal preferences keep the server's order */
    public List<MxRecord> byPreference() {
        return records.stream().sorted(Comparator.comparingInt(MxRecord::preference)).toList();
    }
}
