package dev.mtasts.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The selection rule of RFC 8461 §3.1 and RFC 8460 §3, shared by both record types. */
final class RecordSelector {

    private RecordSelector() {
    }

    static <T> RecordSelection<T> select(List<? extends List<String>> txtRecords, RecordParser<T> parser) {
        String versionField = parser.versionField();
        String prefix = versionField + ";";
        List<String> joined = new ArrayList<>(txtRecords.size());
        for (List<String> strings : txtRecords) {
            joined.add(String.join("", strings));
        }
        List<String> candidates = new ArrayList<>();
        List<String> discarded = new ArrayList<>();
        for (String record : joined) {
            if (record.startsWith(prefix)) {
                candidates.add(record);
            } else if (isLookAlike(record, versionField)) {
                discarded.add(record);
            }
        }
        if (candidates.isEmpty() && joined.size() == 1 && loneRecordParsedByGrammar(joined.get(0), versionField)) {
            candidates.add(joined.get(0));
            discarded.clear();
        }
        if (candidates.isEmpty()) {
            return new RecordSelection<>(RecordSelection.Status.NONE, Optional.empty(), candidates, discarded,
                    List.of());
        }
        if (candidates.size() > 1) {
            return new RecordSelection<>(RecordSelection.Status.MULTIPLE, Optional.empty(), candidates, discarded,
                    List.of());
        }
        RecordParseResult<T> result = parser.parse(candidates.get(0));
        return new RecordSelection<>(result.isValid() ? RecordSelection.Status.FOUND : RecordSelection.Status.INVALID,
                result.record(), candidates, discarded, result.problems());
    }

    /**
     * A record clearly meant as this kind of record, though the prefix test discards it: it holds the version token
     * ({@code v=STSv1}, {@code v=TLSRPTv1}) anywhere, compared ignoring ASCII case, with spaces or tabs allowed
     * around {@code =}. The {@code v} must start a name (nothing of a longer field name before it), so that
     * {@code dkv=STSv1} is not a token; nothing is required after the version, so {@code v=STSv10} is one. Unrelated
     * records ({@code v=spf1 -all}, {@code google-site-verification=...}) never hold the token.
     *
     * @param record       a joined TXT record that does not begin with the exact prefix
     * @param versionField {@code v=STSv1} or {@code v=TLSRPTv1}
     * @return true when the record should be reported as discarded
     */
    static boolean isLookAlike(String record, String versionField) {
        String version = versionField.substring(versionField.indexOf('=') + 1);
        int length = record.length();
        for (int i = 0; i < length; i++) {
            char c = record.charAt(i);
            if ((c != 'v' && c != 'V') || (i > 0 && isNameCharacter(record.charAt(i - 1)))) {
                continue;
            }
            int pos = skipWhitespace(record, i + 1);
            if (pos < length && record.charAt(pos) == '=') {
                pos = skipWhitespace(record, pos + 1);
                if (startsWithIgnoringAsciiCase(record, pos, version)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A12 (erratum 6285): alone at its name, a record whose version is followed by whitespace and then {@code ;}
     * ({@code v=STSv1 ;id=x}) fits the grammar's {@code *WSP ";" *WSP} delimiter, so it is parsed rather than
     * discarded. A bare {@code v=STSv1}, with no {@code ;} at all, is discarded as A11 says.
     */
    private static boolean loneRecordParsedByGrammar(String record, String versionField) {
        if (!record.startsWith(versionField)) {
            return false;
        }
        int afterVersion = versionField.length();
        int pos = skipWhitespace(record, afterVersion);
        return pos > afterVersion && pos < record.length() && record.charAt(pos) == ';';
    }

    /** Like {@code regionMatches(true, ...)}, but only ASCII letters fold (the long s, U+017F, is no {@code s}). */
    private static boolean startsWithIgnoringAsciiCase(String text, int from, String prefix) {
        if (text.length() - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (asciiLower(text.charAt(from + i)) != asciiLower(prefix.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** @return the first position at or after {@code from} that is not SP or HTAB */
    private static int skipWhitespace(String text, int from) {
        int pos = from;
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }

    /** Letters, digits, {@code _}, {@code -} and {@code .}: the characters of a field name (A8). */
    private static boolean isNameCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                || c == '.';
    }
}
