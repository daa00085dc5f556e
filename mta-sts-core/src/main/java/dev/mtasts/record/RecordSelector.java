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

    /** A12: alone at its name, {@code v=STSv1} followed by whitespace or nothing is read by the grammar. */
    private static boolean loneRecordParsedByGrammar(String record, String versionField) {
        if (!record.startsWith(versionField)) {
            return false;
        }
        if (record.length() == versionField.length()) {
            return true;
        }
        char next = record.charAt(versionField.length());
        return next == ' ' || next == '\t';
    }
}
