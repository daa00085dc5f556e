package dev.mtasts.resolver;

import dev.mtasts.DomainName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * <p>This type is an immutable value. A {@code DnsResolver} of a test's own builds its answers with the factories
 * {@link #found(DomainName, String...)} (records as written in a zone file, {@code "10 mx1.example.com"}),
 * {@link #found(DomainName, List)}, {@link #nxdomain(DomainName)}, {@link #nodata(DomainName)} and
 * {@link #failure(DomainName, DnsOutcome, String)}.
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
     * A {@code FOUND} answer of MX records written as in a zone file, preference then exchange, as a fake
     * resolver gives it. The exchange {@code .} is the null MX of RFC 7505; an exchange that is a DNS name but not
     * a host name (such as {@code 192.0.2.25}) is kept in {@link #invalidHosts()} and named in the detail, as the
     * default resolver reports it.
     *
     * <pre>{@code
     * MxAnswer answer = MxAnswer.found(DomainName.of("example.com"), "10 mx1.example.com", "20 mx2.example.com.");
     * answer.byPreference().get(0).host();                        // mx1.example.com
     * MxAnswer.found(DomainName.of("example.com"), "0 .").isNullMxOnly();   // true
     * }</pre>
     *
     * @param domain  the domain asked for
     * @param records the records, in the order the server gives them, each {@code "<preference> <exchange>"} with
     *                a preference of 0 to 65535; at least one
     * @return the answer
     * @throws NullPointerException     when an argument or a record is null (the message names it)
     * @throws IllegalArgumentException when there is no record (use {@link #nodata(DomainName)}), or a record is
     *                                  not a preference and an exchange name
     */
    public static MxAnswer found(DomainName domain, String... records) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(records, "records");
        List<MxRecord> hosts = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        boolean nullMx = false;
        for (String record : FakeAnswers.nonEmpty(Arrays.asList(records), "records")) {
            String[] parts = record.strip().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("MX record '" + record + "' is not '<preference> <exchange>',"
                        + " such as '10 mx1.example.com'");
            }
            int preference = preference(record, parts[0]);
            String exchange = parts[1];
            if (exchange.equals(".")) {
                nullMx = true;
                continue;
            }
            String name = exchange.endsWith(".") ? exchange.substring(0, exchange.length() - 1) : exchange;
            Optional<DomainName> host = DomainName.tryParse(name);
            if (host.isPresent()) {
                hosts.add(new MxRecord(preference, host.get()));
            } else if (isDnsName(name)) {
                invalid.add(name);
            } else {
                throw new IllegalArgumentException("MX record '" + record + "' has an exchange that is not a DNS"
                        + " name: '" + exchange + "'");
            }
        }
        DnsResult result = DnsResult.of(domain, DnsOutcome.FOUND);
        if (!invalid.isEmpty()) {
            result = result.withDetail("MX exchange(s) that are not valid host names: " + String.join(", ", invalid));
        }
        return new MxAnswer(result, hosts, nullMx, invalid);
    }

    /**
     * A {@code FOUND} answer of MX records given as values; for the null MX or exchanges that are not host names,
     * use {@link #found(DomainName, String...)} or the constructor.
     *
     * <pre>{@code
     * MxAnswer answer = MxAnswer.found(DomainName.of("example.com"),
     *         List.of(new MxRecord(10, DomainName.of("mx1.example.com"))));
     * }</pre>
     *
     * @param domain  the domain asked for
     * @param records the records, in the order the server gives them; at least one
     * @return the answer
     * @throws NullPointerException     when an argument or a record is null (the message names it)
     * @throws IllegalArgumentException when there is no record: use {@link #nodata(DomainName)}
     */
    public static MxAnswer found(DomainName domain, List<MxRecord> records) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(records, "records");
        return new MxAnswer(DnsResult.of(domain, DnsOutcome.FOUND), FakeAnswers.nonEmpty(records, "records"), false,
                List.of());
    }

    /**
     * The answer for a domain that does not exist.
     *
     * <pre>{@code
     * MxAnswer answer = MxAnswer.nxdomain(DomainName.of("no-such-domain.example"));
     * answer.outcome();   // NXDOMAIN
     * }</pre>
     *
     * @param domain the domain asked for
     * @return the answer, without records
     */
    public static MxAnswer nxdomain(DomainName domain) {
        Objects.requireNonNull(domain, "domain");
        return empty(DnsResult.of(domain, DnsOutcome.NXDOMAIN));
    }

    /**
     * The answer for a domain that exists but has no MX record (senders then use its address: RFC 5321 §5.1).
     *
     * <pre>{@code
     * MxAnswer answer = MxAnswer.nodata(DomainName.of("example.com"));
     * answer.records();   // []
     * }</pre>
     *
     * @param domain the domain asked for
     * @return the answer, without records
     */
    public static MxAnswer nodata(DomainName domain) {
        Objects.requireNonNull(domain, "domain");
        return empty(DnsResult.of(domain, DnsOutcome.NODATA));
    }

    /**
     * The answer of a look-up that failed: nothing is known about the domain.
     *
     * <pre>{@code
     * MxAnswer answer = MxAnswer.failure(DomainName.of("example.com"), DnsOutcome.SERVFAIL,
     *         "SERVFAIL from 192.0.2.53");
     * answer.outcome().isFailure();   // true
     * }</pre>
     *
     * @param domain  the domain asked for
     * @param outcome the failure: any outcome for which {@link DnsOutcome#isFailure()} is true
     * @param detail  why, for people; blank for no detail
     * @return the answer, without records
     * @throws IllegalArgumentException when the outcome is {@code FOUND}, {@code NXDOMAIN} or {@code NODATA}
     */
    public static MxAnswer failure(DomainName domain, DnsOutcome outcome, String detail) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        return empty(DnsResult.failure(domain, FakeAnswers.failureOutcome(outcome), detail));
    }

    private static int preference(String record, String text) {
        int value = -1;
        if (!text.isEmpty() && text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            value = Integer.parseInt(text);
        }
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("MX record '" + record + "' has preference '" + text
                    + "'; a preference is 0 to 65535");
        }
        return value;
    }

    /** @return true for a name DNS could hold: labels of 1 to 63 printable ASCII characters, 253 in all */
    private static boolean isDnsName(String name) {
        if (name.isEmpty() || name.length() > DomainName.MAX_LENGTH) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > DomainName.MAX_LABEL_LENGTH
                    || !label.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
                return false;
            }
        }
        return true;
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
