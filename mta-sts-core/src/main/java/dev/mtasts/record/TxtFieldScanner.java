package dev.mtasts.record;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.internal.ExtensionSyntax;
import dev.mtasts.internal.Quoting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a TXT record into its version and fields by the grammar shared by RFC 8461 §3.1 and RFC 8460 §3:
 * {@code version 1*(field-delim field) [field-delim]}, with {@code field-delim = *WSP ";" *WSP} (A3, A5, G).
 * Linear, no regular expressions. Reports syntax problems; the meaning of fields is left to the caller.
 */
final class TxtFieldScanner {

    private final String text;
    private final String versionField;
    private final List<Problem> problems = new ArrayList<>();
    private final List<TxtField> fields = new ArrayList<>();
    private boolean versionDelimiterWarning;

    /**
     * @param text         the record, joined from its strings
     * @param versionField {@code v=STSv1} or {@code v=TLSRPTv1}
     */
    TxtFieldScanner(String text, String versionField) {
        this.text = text;
        this.versionField = versionField;
    }

    List<Problem> problems() {
        return problems;
    }

    List<TxtField> fields() {
        return fields;
    }

    /** @return false when the record is so broken that its fields mean nothing (not ASCII, wrong version) */
    boolean scan() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                add(ProblemCode.RECORD_NOT_ASCII, i + 1, "record has " + describe(c) + " at column " + (i + 1)
                        + "; records are printable US-ASCII");
                return false;
            }
        }
        if (!text.startsWith(versionField)) {
            String hint = text.stripLeading().regionMatches(true, 0, versionField, 0, versionField.length())
                    ? " (the version is case-sensitive and nothing may come before it)" : "";
            add(ProblemCode.RECORD_VERSION_INVALID, 1, "record " + Quoting.quotedAscii(text) + " does not begin with '"
                    + versionField + "'" + hint);
            return false;
        }
        int pos = versionField.length();
        if (pos < text.length() && text.charAt(pos) != ';' && !isWsp(text.charAt(pos))) {
            int end = pos;
            while (end < text.length() && text.charAt(end) != ';' && !isWsp(text.charAt(end))) {
                end++;
            }
            add(ProblemCode.RECORD_VERSION_INVALID, 1, "version " + Quoting.quotedAscii(text.substring(0, end)) + " is not '"
                    + versionField + "'");
            return false;
        }
        readFields(pos);
        if (versionDelimiterWarning) {
            add(ProblemCode.RECORD_VERSION_DELIMITER, versionField.length() + 1, "whitespace between '" + versionField
                    + "' and ';' is legal, but senders that test for the prefix '" + versionField + ";' discard the"
                    + " record when there are other TXT records at the name");
        }
        if (fields.isEmpty() && problems.stream().noneMatch(p -> p.code() == ProblemCode.RECORD_SYNTAX)) {
            add(ProblemCode.RECORD_NO_FIELDS, Math.max(1, pos), "record has no field after '" + versionField + "'");
        }
        return true;
    }

    private void readFields(int start) {
        int pos = start;
        int length = text.length();
        while (pos < length) {
            int delimStart = pos;
            while (pos < length && isWsp(text.charAt(pos))) {
                pos++;
            }
            if (pos == length) {
                add(ProblemCode.RECORD_SYNTAX, delimStart + 1, "record ends with whitespace not followed by ';'");
                return;
            }
            if (text.charAt(pos) != ';') {
                add(ProblemCode.RECORD_SYNTAX, pos + 1, "expected ';' before " + Quoting.quotedAscii(rest(pos)));
                return;
            }
            if (delimStart == versionField.length() && pos > delimStart) {
                versionDelimiterWarning = true;
            }
            pos++;
            while (pos < length && isWsp(text.charAt(pos))) {
                pos++;
            }
            if (pos == length) {
                return; // one optional trailing delimiter
            }
            if (text.charAt(pos) == ';') {
                add(ProblemCode.RECORD_SYNTAX, pos + 1, "empty field: two ';' in a row");
                return;
            }
            pos = readField(pos);
            if (pos < 0) {
                return;
            }
        }
    }

    /** @return the position after the field, or -1 after a syntax problem */
    private int readField(int start) {
        int length = text.length();
        int eq = start;
        while (eq < length && text.charAt(eq) != '=' && text.charAt(eq) != ';') {
            eq++;
        }
        if (eq == length || text.charAt(eq) != '=') {
            add(ProblemCode.RECORD_SYNTAX, start + 1, "field '" + Quoting.ascii(text.substring(start, eq).strip())
                    + "' has no '='; write name=value");
            return -1;
        }
        String name = text.substring(start, eq);
        if (name.isEmpty()) {
            add(ProblemCode.RECORD_SYNTAX, start + 1, "field with an empty name before '='");
            return -1;
        }
        if (isWsp(name.charAt(name.length() - 1)) || (eq + 1 < length && isWsp(text.charAt(eq + 1)))) {
            add(ProblemCode.RECORD_SYNTAX, eq + 1, "whitespace around '=' in field '" + Quoting.ascii(name.strip())
                    + "'; write " + Quoting.ascii(name.strip()) + "=value");
            return -1;
        }
        int valueStart = eq + 1;
        int end = valueStart;
        while (end < length && text.charAt(end) != ';') {
            end++;
        }
        int valueEnd = end;
        while (valueEnd > valueStart && isWsp(text.charAt(valueEnd - 1))) {
            valueEnd--;
        }
        fields.add(new TxtField(name, text.substring(valueStart, valueEnd), start + 1, valueStart + 1));
        return valueEnd;
    }

    /**
     * Reads a field the record type does not define: kept as an extension when well-formed (A8, A9, G8), with an
     * INFO problem, since senders ignore it and it may be a typo of {@code knownName}.
     */
    void readExtension(TxtField field, List<RecordExtension> extensions, String knownName) {
        Optional<String> problem = ExtensionSyntax.TXT_RECORD.nameProblem(field.name())
                .or(() -> ExtensionSyntax.TXT_RECORD.valueProblem(field.name(), field.value()));
        if (problem.isPresent()) {
            add(ProblemCode.RECORD_EXTENSION_INVALID, field.column(), problem.get());
            return;
        }
        extensions.add(new RecordExtension(field.name(), field.value()));
        add(ProblemCode.RECORD_EXTENSION_UNKNOWN, field.column(), "unknown field '" + field.name()
                + "' is ignored by senders" + (field.name().equalsIgnoreCase(knownName)
                ? "; the field is '" + knownName + "', lower case" : ""));
    }

    /** @return true when no problem so far is an error */
    boolean noErrors() {
        return problems.stream().noneMatch(p -> p.severity() == Severity.ERROR);
    }

    private String rest(int pos) {
        return text.substring(pos, Math.min(text.length(), pos + 20));
    }

    void add(ProblemCode code, int column, String message) {
        problems.add(Problem.of(code, 1, Math.max(1, column), message));
    }

    private static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format("control character \\u%04x", (int) c)
                : String.format("non-ASCII character \\u%04x", (int) c);
    }
}
