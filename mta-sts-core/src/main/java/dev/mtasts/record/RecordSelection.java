package dev.mtasts.record;

import dev.mtasts.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of picking the one policy record out of every TXT record at a name (RFC 8461 §3.1 A11 to A13,
 * RFC 8460 §3 G6 and G7).
 *
 * <p>Each TXT record's character-strings are joined without spaces; records that do not begin with the exact
 * prefix ({@code v=STSv1;} or {@code v=TLSRPTv1;}) are discarded; exactly one must remain and it must be valid.
 * A record that is the only TXT record at its name and begins with the version, whitespace and then {@code ;}
 * ({@code v=STSv1 ;id=1}) is parsed by the grammar instead of being discarded (A12, erratum 6285); a bare
 * {@code v=STSv1} is discarded (A11).
 *
 * <p>A discarded record is listed in {@link #discarded()} when it was clearly meant as this kind of record: it holds
 * the version token anywhere, in any case, with spaces allowed around {@code =}: {@code id=1; v=STSv1},
 * {@code v=stsv1; id=1}, {@code v = STSv1; id=1}, {@code v=STSv1 id=1}, {@code v=STSv10; id=1}, or a record that
 * starts with a space. Such a record shows a deployment its owner believes works, so a validator reports it;
 * unrelated records ({@code v=spf1 -all}, {@code google-site-verification=...}) are dropped silently.
 *
 * <pre>{@code
 * TxtAnswer answer = resolver.txt(DomainName.of("_mta-sts.example.com")).toCompletableFuture().join();
 * RecordSelection<StsRecord> s = StsRecord.select(answer.records().stream().map(TxtRecord::strings).toList());
 * switch (s.status()) {
 *     case FOUND -> System.out.println(s.record().orElseThrow().id());
 *     case NONE -> System.out.println(s.discarded());       // look-alikes such as "V=STSv1; id=1"
 *     case MULTIPLE -> System.out.println(s.candidates());  // the records that begin with v=STSv1
 *     case INVALID -> System.out.println(s.problems());     // why the one record is invalid
 * }
 * }</pre>
 *
 * @param status     what was found
 * @param record     the record, when {@code status} is {@link Status#FOUND}
 * @param candidates the joined records that passed the prefix test (or the one parsed under A12)
 * @param discarded  joined records that look like a policy record but were discarded (the version token
 *                   elsewhere than at the start, in another case, with whitespace around {@code =} or before it,
 *                   {@code v=STSv10}, no {@code ;} after the version), in answer order
 * @param problems   problems of the one candidate (errors when {@code INVALID}, warnings otherwise)
 * @param <T>        the record type
 * @since 0.1.0
 */
public record RecordSelection<T>(Status status, Optional<T> record, List<String> candidates, List<String> discarded,
                                 List<Problem> problems) {

    /** What the selection found. */
    public enum Status {
        /** Exactly one record, and it is valid. */
        FOUND,
        /** No record begins with the version prefix. */
        NONE,
        /** More than one record begins with the version prefix: senders assume there is none. */
        MULTIPLE,
        /** Exactly one record, and it is invalid: senders assume there is none. */
        INVALID
    }

    /** Validates and copies the components. */
    public RecordSelection {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(discarded, "discarded");
        Objects.requireNonNull(problems, "problems");
        candidates = List.copyOf(candidates);
        discarded = List.copyOf(discarded);
        problems = List.copyOf(problems);
        if (record.isPresent() != (status == Status.FOUND)) {
            throw new IllegalArgumentException("a record is present exactly when the status is FOUND");
        }
    }
}
