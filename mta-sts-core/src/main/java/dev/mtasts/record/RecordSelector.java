package dev.mtasts.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The selection rule of RFC 8461 §3.1 and RFC 8460 §3, shared by both record types. */
final class RecordSelector {

    private RecordSelector() {
    }

    static <T> RecordSelection<T> select(List<? extends List<String>> txtRecords, String versionField,
                                         Function<String, RecordParseResult<T>> parser) {
        String prefix = versionField + ";";
        List<String> joined = new ArrayList<>(txtRecords.size());
        for (List<String> strings : txtRecords) {
            joined.add(String.join("", strings));
        }
        List<String> candidates = new ArrayList<>();
        List<String> discarded = new ArrayList<>();
        String lowerVersion = versionField.toLowerCase(Locale.ROOT);
        for (String record : joined) {
            if (record.startsWith(prefix)) {
                candidates.add(record);
            } else if (record.stripLeading().toLowerCase(Locale.ROOT).startsWith(lowerVersion)) {
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
        RecordParseResult<T> result = parser.apply(candidates.get(0));
        return new RecordSelection<>(result.isValid() ? RecordSelection.Status.FOUND : RecordSelection.Status.INVALID,
                result.record(), candidates, discarded, result.problems());
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
        int pos = afterVersion;
        while (pos < record.length() && (record.charAt(pos) == ' ' || record.charAt(pos) == '\t')) {
            pos++;
        }
        return pos > afterVersion && pos < record.length() && record.charAt(pos) == ';';
    }
}
