package dev.mtasts.record;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.internal.Quoting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code _mta-sts.<domain>} TXT record (RFC 8461 §3.1): version {@code STSv1}, the policy {@code id}, and any
 * extension fields.
 *
 * <p>Rules followed: the record begins with exactly {@code v=STSv1} (A4); {@code field-delim = *WSP ";" *WSP} and
 * no whitespace around {@code =} (A5); at least one field after the version and at most one trailing delimiter
 * (A3); {@code id} is 1 to 32 ASCII letters or digits and required (A6), compared as an opaque exact string (A7);
 * unknown fields are kept and ignored (A9); of a repeated field the first wins (A10).
 *
 * <p>An immutable value; {@code parse(r.toText()).equals(r)}.
 *
 * <pre>{@code
 * StsRecord record = StsRecord.parse("v=STSv1; id=20260101T000000");   // throws RecordParseException
 * record.id();                          // "20260101T000000"
 * RecordParseResult<StsRecord> r = StsRecord.lenient().parse("v=STSv1; id=a; id=b");   // never throws
 * StsRecord.of("20261129T120000").toText();   // "v=STSv1; id=20261129T120000"
 * RecordSelection<StsRecord> s = StsRecord.select(List.of(List.of("v=STSv1; id=1"), List.of("v=spf1 -all")));
 * }</pre>
 *
 * @param version    always {@code STSv1}
 * @param id         the policy id
 * @param extensions unknown fields, in order
 * @since 0.1.0
 */
public record StsRecord(String version, String id, List<RecordExtension> extensions) {

    /** The version RFC 8461 defines. */
    public static final String VERSION_STSV1 = "STSv1";

    /** The longest id: 32 characters (A6). */
    public static final int MAX_ID_LENGTH = 32;

    static final String VERSION_FIELD = "v=" + VERSION_STSV1;
    static final String ID = "id";

    private static final RecordParser<StsRecord> LENIENT = new RecordParser<>(VERSION_FIELD, StsRecord::read);

    /** Validates the components. */
    public StsRecord {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(extensions, "extensions");
        extensions = List.copyOf(extensions);
        if (!VERSION_STSV1.equals(version)) {
            throw new IllegalArgumentException("version must be STSv1, not " + Quoting.quotedAscii(version));
        }
        idProblem(id).ifPresent(p -> {
            throw new IllegalArgumentException(p.message());
        });
        RecordExtension.checkNames(extensions, ID);
    }

    /**
     * @param id the policy id: 1 to 32 ASCII letters or digits
     * @return a record with that id and no extensions
     * @throws IllegalArgumentException if the id is not valid
     */
    public static StsRecord of(String id) {
        return new StsRecord(VERSION_STSV1, id, List.of());
    }

    /**
     * Parses a record, rejecting it at its first {@code ERROR}: the throwing counterpart of {@link #lenient()}.
     *
     * @param text the record, joined from its character-strings (A13)
     * @return the record
     * @throws RecordParseException at the first error, with its column and reason, and every problem found
     */
    public static StsRecord parse(String text) {
        return LENIENT.parse(text).orElseThrow();
    }

    /**
     * The parser that never throws: {@code StsRecord.lenient().parse(text)} returns the record when valid and every
     * problem.
     *
     * @return the lenient parser of {@code _mta-sts} records, one shared immutable instance
     */
    public static RecordParser<StsRecord> lenient() {
        return LENIENT;
    }

    private static RecordParseResult<StsRecord> read(String text) {
        TxtFieldScanner scanner = new TxtFieldScanner(text, VERSION_FIELD);
        List<Problem> problems = scanner.problems();
        if (!scanner.scan()) {
            return new RecordParseResult<>(Optional.empty(), problems);
        }
        String id = null;
        List<RecordExtension> extensions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TxtField field : scanner.fields()) {
            if (!seen.add(field.name()) || field.name().equals("v")) {
                scanner.add(ProblemCode.RECORD_FIELD_DUPLICATE, field.column(), "field "
                        + Quoting.quotedAscii(field.name()) + " appears again; only the first is used");
                continue;
            }
            if (field.name().equals(ID)) {
                Optional<Problem> idProblem = idProblem(field.value())
                        .map(p -> Problem.of(p.code(), 1, field.valueColumn(), p.message()));
                if (idProblem.isPresent()) {
                    problems.add(idProblem.get());
                } else {
                    id = field.value();
                }
                continue;
            }
            scanner.readExtension(field, extensions, ID);
        }
        if (id == null && !seen.contains(ID)) {
            scanner.add(ProblemCode.STS_ID_MISSING, 1, "record has no 'id=' field; add id=<1-32 letters or digits>,"
                    + " such as a UTC timestamp 20261129T120000");
        }
        boolean valid = id != null && scanner.noErrors();
        return new RecordParseResult<>(valid ? Optional.of(new StsRecord(VERSION_STSV1, id, extensions))
                : Optional.empty(), problems);
    }

    /**
     * Picks the one {@code _mta-sts} record from every TXT record at the name, by RFC 8461 §3.1 (A11 to A13).
     *
     * @param txtRecords each TXT record as its list of character-strings, as DNS returns them
     * @return the selection: the record, or why there is none
     */
    public static RecordSelection<StsRecord> select(List<? extends List<String>> txtRecords) {
        return RecordSelector.select(Objects.requireNonNull(txtRecords, "txtRecords"), LENIENT);
    }

    static Optional<Problem> idProblem(String id) {
        if (id.isEmpty()) {
            return Optional.of(Problem.of(ProblemCode.STS_ID_INVALID, 1, 1, "id is empty; use 1-32 letters or digits"));
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum) {
                return Optional.of(Problem.of(ProblemCode.STS_ID_INVALID, 1, 1, "id " + Quoting.quotedAscii(id)
                        + " has " + Quoting.quotedAscii(String.valueOf(c))
                        + "; an id is only ASCII letters and digits (no '-', '.', '_' or ':')"));
            }
        }
        if (id.length() > MAX_ID_LENGTH) {
            return Optional.of(Problem.of(ProblemCode.STS_ID_TOO_LONG, 1, 1, "id " + Quoting.quotedAscii(id) + " is "
                    + id.length() + " characters; the limit is " + MAX_ID_LENGTH));
        }
        return Optional.empty();
    }

    /** @return the record as published: {@code v=STSv1; id=...} followed by any extensions */
    public String toText() {
        StringBuilder out = new StringBuilder(VERSION_FIELD).append("; ").append(ID).append('=').append(id);
        for (RecordExtension e : extensions) {
            out.append("; ").append(e.name()).append('=').append(e.value());
        }
        return out.toString();
    }
}
