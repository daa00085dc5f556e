package dev.mtasts.validate;

import dev.mtasts.internal.Quoting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A TXT record clearly meant as a policy record that senders discard (RFC 8461 §3.1 A11, RFC 8460 §3 G6): they keep
 * only records that begin with exactly {@code v=STSv1;} (or {@code v=TLSRPTv1;}). Says why this one does not, and
 * what it would look like written correctly.
 */
final class Lookalike {

    private Lookalike() {
    }

    /**
     * @param record       the joined TXT record
     * @param versionField {@code v=STSv1} or {@code v=TLSRPTv1}
     * @return why senders discard the record, as a clause: {@code "its version 'STSv10' is not 'STSv1'"}
     */
    static String why(String record, String versionField) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(versionField, "versionField");
        String v = "'" + versionField + "'";
        if (!record.isEmpty() && isWsp(record.charAt(0))) {
            return "it starts with whitespace, and nothing may come before " + v;
        }
        if (record.startsWith(versionField)) {
            return afterVersion(record.substring(versionField.length()), versionField);
        }
        if (record.regionMatches(true, 0, versionField, 0, versionField.length())) {
            return "it begins with '" + Quoting.message(record.substring(0, versionField.length())) + "', not " + v
                    + ": the version is case-sensitive";
        }
        String compact = record.replaceAll("^v[ \t]*=[ \t]*", "v=");
        if (!compact.equals(record) && compact.regionMatches(true, 0, versionField, 0, versionField.length())) {
            return "it has whitespace around the '=' of the version; write " + v + " without spaces";
        }
        int semicolon = record.indexOf(';');
        String first = (semicolon < 0 ? record : record.substring(0, semicolon)).strip();
        return "it begins with '" + Quoting.message(first) + "', not with " + v + ": the version must come first";
    }

    private static String afterVersion(String rest, String versionField) {
        String v = "'" + versionField + "'";
        if (rest.isEmpty()) {
            return "it ends right after " + v + ", with no ';' and no other field";
        }
        if (!isWsp(rest.charAt(0)) && rest.charAt(0) != ';') {
            int end = 0;
            while (end < rest.length() && rest.charAt(end) != ';' && !isWsp(rest.charAt(end))) {
                end++;
            }
            return "its version '" + Quoting.message(versionField.substring(2) + rest.substring(0, end)) + "' is not '"
                    + versionField.substring(2) + "'";
        }
        String stripped = rest.stripLeading();
        if (stripped.startsWith(";")) {
            return "it has whitespace between " + v + " and ';': alone at its name such a record is read by the"
                    + " grammar, but next to other TXT records it does not begin with exactly '" + versionField + ";'";
        }
        return "no ';' follows " + v + ": fields are separated by ';'";
    }

    /**
     * @param record       the joined TXT record
     * @param versionField {@code v=STSv1} or {@code v=TLSRPTv1}
     * @param valid        whether a text is a valid record of the kind
     * @return the record rewritten with the version first and its other {@code name=value} fields after it, when
     *         that is a valid record: {@code id=1; v=STSv1} gives {@code v=STSv1; id=1}
     */
    static Optional<String> corrected(String record, String versionField, Predicate<String> valid) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(versionField, "versionField");
        Objects.requireNonNull(valid, "valid");
        List<String> fields = new ArrayList<>();
        for (String token : record.split("[; \t]+")) {
            int eq = token.indexOf('=');
            if (eq > 0 && eq < token.length() - 1 && !token.substring(0, eq).toLowerCase(Locale.ROOT).equals("v")) {
                fields.add(token);
            }
        }
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        String text = versionField + "; " + String.join("; ", fields);
        return valid.test(text) ? Optional.of(text) : Optional.empty();
    }

    private static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }
}
