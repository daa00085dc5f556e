package dev.mtasts.validate;

import dev.mtasts.record.RecordSelection;
import dev.mtasts.record.TlsRptRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rewrites a TLS-RPT record whose {@code rua} breaks RFC 8460 §3 in the ways people commonly write it, so a finding
 * can say exactly what to publish instead: an address without its scheme ({@code tls@example.com} becomes
 * {@code mailto:tls@example.com}), a literal {@code !} ({@code %21}), a {@code ,} inside a URI that split it in two
 * ({@code https://r.example/a?x=1,2} becomes {@code ...x=1%2C2}), empty entries, and {@code rua} repeated (one
 * {@code rua} listing every destination). The rewrite is offered only when the result is a valid record.
 */
final class RuaRepair {

    private static final String RUA = "rua=";

    private RuaRepair() {
    }

    /**
     * @param record a joined TLS-RPT record
     * @return the record rewritten as above, when that changes it and makes it valid
     */
    static Optional<String> repaired(String record) {
        Objects.requireNonNull(record, "record");
        String version = "v=" + TlsRptRecord.VERSION_TLSRPTV1;
        List<String> rua = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String field : record.split(";")) {
            String f = field.strip();
            if (f.isEmpty() || f.equals(version)) {
                continue;
            }
            if (f.startsWith(RUA)) {
                rua.addAll(entries(f.substring(RUA.length())));
            } else {
                others.add(f);
            }
        }
        if (rua.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(version).append("; ").append(RUA).append(String.join(",", rua));
        others.forEach(o -> out.append("; ").append(o));
        String text = out.toString();
        boolean valid = TlsRptRecord.select(List.of(List.of(text))).status() == RecordSelection.Status.FOUND;
        return valid && !text.equals(record) ? Optional.of(text) : Optional.empty();
    }

    private static List<String> entries(String value) {
        List<String> out = new ArrayList<>();
        for (String raw : value.split(",")) {
            String entry = raw.strip().replace("!", "%21");
            if (entry.isEmpty()) {
                continue;
            }
            if (!hasScheme(entry) && entry.indexOf('@') > 0) {
                out.add("mailto:" + entry);
            } else if (!hasScheme(entry) && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "%2C" + entry);
            } else {
                out.add(entry);
            }
        }
        return out;
    }

    /** @return true when the entry starts with a URI scheme and {@code :} (RFC 3986 §3.1) */
    private static boolean hasScheme(String entry) {
        int colon = entry.indexOf(':');
        char first = entry.isEmpty() ? ' ' : entry.charAt(0);
        if (colon < 1 || !(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = entry.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
