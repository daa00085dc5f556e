package dev.mtasts.policy;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.internal.ExtensionSyntax;
import dev.mtasts.internal.NearName;
import dev.mtasts.internal.Quoting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one pass over a policy body behind {@link PolicyParser}. Linear in the input, no regular expressions,
 * and at most {@value #MAX_PROBLEMS} problems recorded. One instance reads one body; not thread-safe.
 */
final class PolicyScanner {

    static final int MAX_PROBLEMS = 200;
    private static final long ONE_DAY = 86_400L;
    private static final long ONE_WEEK = 604_800L;
    private static final String[] KNOWN_FIELDS = {PolicyField.VERSION, PolicyField.MODE, PolicyField.MX,
            PolicyField.MAX_AGE};
    private static final List<String> MODE_TOKENS = List.of("enforce", "testing", "none");
    /** Up to this many patterns, a repeat is found by a scan of the list; beyond, by a set. */
    private static final int MX_SCAN_LIMIT = 8;

    private final String text;
    private final List<Problem> problems = new ArrayList<>();
    private boolean truncated;
    private boolean errorSeen;

    private String version;
    private PolicyMode mode;
    private Long maxAge;
    private final List<MxPattern> mx = new ArrayList<>();
    private Set<MxPattern> mxSeen; // made once the list is long enough for a set to beat a scan (linear time)
    private final List<PolicyExtension> extensions = new ArrayList<>();
    private int seenKnownFields; // a bit per known field but mx
    private Set<String> seenExtensions; // made at the first extension: most policies have none
    private boolean anyMxLine;
    private boolean versionBroken;
    private boolean modeBroken;
    private boolean maxAgeBroken;

    PolicyScanner(String text) {
        this.text = text;
    }

    static PolicyParseResult failed(List<Problem> problems) {
        return new PolicyParseResult(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                problems);
    }

    PolicyParseResult scan() {
        long bytes = utf8Length(text);
        if (bytes > PolicyParser.MAX_POLICY_BYTES) {
            add(ProblemCode.POLICY_TOO_LARGE, 1, 1, "policy is " + (bytes > Integer.MAX_VALUE ? "over 2 GB" : bytes + " bytes")
                    + "; the limit is " + PolicyParser.MAX_POLICY_BYTES + " bytes (64 KiB)");
            return failed(problems);
        }
        if (text.isEmpty()) {
            add(ProblemCode.POLICY_EMPTY, 1, 1, "policy is empty");
            return failed(problems);
        }
        int start = 0;
        if (text.charAt(0) == '\uFEFF') {
            add(ProblemCode.POLICY_BYTE_ORDER_MARK, 1, 1,
                    "policy starts with a UTF-8 byte order mark (EF BB BF); save the file without it");
            start = 1;
        }
        int brace = DraftJsonPolicy.objectStart(text, start);
        if (brace >= 0) {
            readJson(brace);
            return result();
        }
        readLines(start);
        checkRequiredFields();
        return result();
    }

    /**
     * A body that is a JSON object, as the drafts before RFC 8461 served (C16): one {@link ProblemCode#POLICY_JSON} in
     * place of the errors each of its lines would give, and, as the field readings, what the JSON means in RFC 8461
     * terms (so that the MX hosts can still be matched against its patterns).
     */
    private void readJson(int brace) {
        Optional<Map<String, List<String>>> members = DraftJsonPolicy.members(text, brace);
        DraftJsonReading reading = DraftJsonReading.of(members.orElse(Map.of()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < brace; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        add(ProblemCode.POLICY_JSON, line, brace - lineStart + 1, reading.message(members.isPresent()));
        if (members.isPresent()) {
            version = reading.version().orElse(null);
            mode = reading.mode().orElse(null);
            maxAge = reading.maxAge().orElse(null);
            mx.addAll(reading.mx());
        }
    }

    /**
     * Splits the body into lines. LF and CRLF both end a line and may be mixed (RFC 8461 §3.2, C1, erratum 6253).
     * A CR not followed by LF (a bare CR, or the first CR of CR CR LF) is an error (C1); for the lenient reading it
     * still ends the line, together with the CRs and the one LF right after it, so that a file written with old Mac
     * line endings yields one {@link ProblemCode#POLICY_BARE_CR} per line and its fields, not a cascade of
     * "missing field" errors.
     */
    private void readLines(int start) {
        int lineNumber = 1;
        int pos = start;
        int lfEndings = 0;
        int crlfEndings = 0;
        int length = text.length();
        while (pos < length) {
            int end = pos;
            while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int next = end;
            boolean bareCr = false;
            if (end < length && text.charAt(end) == '\n') {
                lfEndings++;
                next = end + 1;
            } else if (end < length) {
                int crs = end;
                while (crs < length && text.charAt(crs) == '\r') {
                    crs++;
                }
                boolean lfAfter = crs < length && text.charAt(crs) == '\n';
                if (crs - end == 1 && lfAfter) {
                    crlfEndings++;
                } else {
                    bareCr = true;
                }
                next = lfAfter ? crs + 1 : crs;
            }
            if (!(bareCr && end == pos)) {
                readLine(lineNumber, pos, end, next >= length);
            }
            if (bareCr) {
                add(ProblemCode.POLICY_BARE_CR, lineNumber, end - pos + 1,
                        "carriage return not followed by a line feed (a bare CR, or CR CR LF); end lines with LF or CRLF");
            }
            lineNumber++;
            pos = next;
        }
        if (lfEndings > 0 && crlfEndings > 0) {
            add(ProblemCode.LINE_ENDINGS_MIXED, 1, 1, "lines end in LF (" + lfEndings + " lines) and in CRLF ("
                    + crlfEndings + " lines); both are legal, but one style avoids surprises");
        }
    }

    /**
     * Reads one line, {@code text[from, to)} without its terminator.
     *
     * @param last true for the last line of the body
     */
    private void readLine(int lineNumber, int from, int to, boolean last) {
        if (from == to || isAllWhitespace(from, to)) {
            if (wouldRecord(ProblemCode.POLICY_BLANK_LINE)) {
                add(ProblemCode.POLICY_BLANK_LINE, lineNumber, 1, blankLineMessage(from == to, last && lineNumber > 1));
            }
            return;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            // U+FEFF is allowed here: inside a line it is an ordinary UTF8-3 vchar (C12); only a leading BOM is an error (C17)
            if ((c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)
                    || (Character.isHighSurrogate(c) && !(i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))))
                    || (Character.isLowSurrogate(c) && !(i > from && Character.isHighSurrogate(text.charAt(i - 1))))) {
                // past the problem limit the message would be dropped: skip building it (String.format per line)
                if (wouldRecord(ProblemCode.POLICY_INVALID_CHARACTER)) {
                    add(ProblemCode.POLICY_INVALID_CHARACTER, lineNumber, i - from + 1,
                            "invalid character " + Quoting.text(String.valueOf(c)) + " in line "
                                    + Quoting.quotedText(text.substring(from, to)));
                }
                return;
            }
        }
        char first = text.charAt(from);
        if (first == ' ' || first == '\t') {
            add(ProblemCode.LINE_LEADING_WHITESPACE, lineNumber, 1, "line " + Quoting.quotedText(text.substring(from, to))
                    + " starts with whitespace; field names start at the beginning of the line");
            return;
        }
        int colon = indexOf(':', from, to);
        if (colon < 0) {
            add(ProblemCode.FIELD_NO_COLON, lineNumber, 1, "line " + Quoting.quotedText(text.substring(from, to))
                    + " has no ':'; write 'name: value'");
            return;
        }
        String name = fieldName(from, colon);
        if (name.isEmpty()) { // a name is 1-32 characters (RFC 8461 §3.2, C12); also keeps charAt below in range
            add(ProblemCode.FIELD_NAME_INVALID, lineNumber, 1, "line " + Quoting.quotedText(text.substring(from, to))
                    + " has no field name before ':'");
            return;
        }
        char beforeColon = name.charAt(name.length() - 1);
        if (beforeColon == ' ' || beforeColon == '\t') {
            add(ProblemCode.FIELD_NAME_WHITESPACE, lineNumber, name.length(), "whitespace between field name "
                    + Quoting.quotedText(name.strip()) + " and ':'; write '" + Quoting.text(name.strip()) + ":'");
            return;
        }
        Optional<String> nameProblem = PolicyField.isKnown(name) ? Optional.empty()
                : ExtensionSyntax.POLICY_FILE.nameProblem(name);
        if (nameProblem.isPresent()) {
            add(ProblemCode.FIELD_NAME_INVALID, lineNumber, 1, nameProblem.get());
            return;
        }
        int valueStart = colon + 1;
        while (valueStart < to && isWsp(text.charAt(valueStart))) {
            valueStart++;
        }
        int valueEnd = to;
        while (valueEnd > valueStart && isWsp(text.charAt(valueEnd - 1))) {
            valueEnd--;
        }
        String value = text.substring(valueStart, valueEnd);
        int column = valueStart - from + 1;
        readField(lineNumber, column, name, value);
    }

    /**
     * The field name {@code text[from, to)}: one of the known names as its constant (no copy for the lines every
     * policy has), else the text.
     */
    private String fieldName(int from, int to) {
        int length = to - from;
        for (String known : KNOWN_FIELDS) {
            if (known.length() == length && text.startsWith(known, from)) {
                return known;
            }
        }
        return text.substring(from, to);
    }

    /** @return true the first time a field other than mx is seen (C13: the first wins) */
    private boolean firstOccurrence(String name) {
        int bit = switch (name) {
            case PolicyField.VERSION -> 1;
            case PolicyField.MODE -> 2;
            case PolicyField.MAX_AGE -> 4;
            default -> 0;
        };
        if (bit != 0) {
            boolean first = (seenKnownFields & bit) == 0;
            seenKnownFields |= bit;
            return first;
        }
        if (seenExtensions == null) {
            seenExtensions = new HashSet<>();
        }
        return seenExtensions.add(name);
    }

    /** @return true when the pattern is already listed; a scan for a few patterns, a set beyond */
    private boolean isRepeat(MxPattern pattern) {
        if (mxSeen == null && mx.size() < MX_SCAN_LIMIT) {
            return mx.contains(pattern);
        }
        if (mxSeen == null) {
            mxSeen = new HashSet<>(mx);
        }
        return !mxSeen.add(pattern);
    }

    /**
     * The grammar has no empty line (C2): {@code sts-policy-term} only ends a field, and at most one may follow the
     * last one. A sender that follows the ABNF ignores the policy; the message says which real senders read on.
     *
     * @param empty    true for an empty line, false for one of spaces and tabs only
     * @param trailing true for an empty last line, made by a second line ending after the last field
     */
    private static String blankLineMessage(boolean empty, boolean trailing) {
        String line = trailing && empty ? "blank line after the last field (the text ends in two line endings)"
                : trailing ? "whitespace-only line after the last field"
                : empty ? "blank line" : "whitespace-only line";
        return line + " is outside the RFC 8461 §3.2 grammar: senders whose lenient line-based parsers split the text"
                + " on line endings and skip empty lines (postfix-mta-sts-resolver, Stalwart, mailauth) read on, but"
                + " senders that follow the ABNF strictly (mox, go-mtasts) reject the whole policy";
    }

    private void readField(int line, int column, String name, String value) {
        if (PolicyField.MX.equals(name)) {
            readMx(line, column, value);
            return;
        }
        if (!firstOccurrence(name)) {
            add(ProblemCode.FIELD_DUPLICATE, line, 1, "field '" + name + "' appears again with value "
                    + Quoting.quotedText(value) + "; only the first is used, later ones are ignored");
            return;
        }
        switch (name) {
            case PolicyField.VERSION -> readVersion(line, column, value);
            case PolicyField.MODE -> readMode(line, column, value);
            case PolicyField.MAX_AGE -> readMaxAge(line, column, value);
            default -> readExtension(line, column, name, value);
        }
    }

    private void readVersion(int line, int column, String value) {
        if (MtaStsPolicy.VERSION_STSV1.equals(value)) {
            version = value;
        } else {
            versionBroken = true;
            add(ProblemCode.VERSION_INVALID, line, column, "version " + Quoting.quotedText(value)
                    + " is not 'STSv1' (the value is case-sensitive)");
        }
    }

    private void readMode(int line, int column, String value) {
        Optional<PolicyMode> parsed = PolicyMode.fromToken(value);
        if (parsed.isPresent()) {
            mode = parsed.get();
            return;
        }
        modeBroken = true;
        if (value.equals("report")) {
            add(ProblemCode.MODE_INVALID, line, column, "mode 'report' is the value of drafts before RFC 8461 (up to"
                    + " draft-ietf-uta-mta-sts-11, 2017) that RFC 8461 renamed 'testing'; senders that follow the RFC"
                    + " treat the whole policy as invalid: write 'mode: testing'");
            return;
        }
        add(ProblemCode.MODE_INVALID, line, column, "mode " + Quoting.quotedText(value)
                + " is not one of 'enforce', 'testing', 'none'" + modeHint(value));
    }

    /** What a mistaken mode value was probably meant to be: the case, a common wrong word, or a near spelling. */
    private static String modeHint(String value) {
        for (PolicyMode m : PolicyMode.values()) {
            if (m.token().equalsIgnoreCase(value)) {
                return "; write it in lower case: '" + m.token() + "'";
            }
        }
        String lower = value.toLowerCase(Locale.ROOT);
        String meant = lower.startsWith("enforc") ? "enforce"
                : lower.startsWith("test") ? "testing"
                : lower.startsWith("report") ? "testing"
                : lower.equals("off") || lower.startsWith("disable") ? "none"
                : NearName.among(lower, MODE_TOKENS).orElse(null);
        return meant == null ? "" : "; write 'mode: " + meant + "'";
    }

    private void readMaxAge(int line, int column, String value) {
        boolean digits = !value.isEmpty() && value.length() <= 10;
        for (int i = 0; digits && i < value.length(); i++) {
            char c = value.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        if (!digits) {
            maxAgeBroken = true;
            add(ProblemCode.MAX_AGE_INVALID, line, column, "max_age " + Quoting.quotedText(value)
                    + " is not 1-10 digits (seconds, no unit or sign)");
            return;
        }
        long seconds = Long.parseLong(value);
        if (seconds > MtaStsPolicy.MAX_AGE_LIMIT_SECONDS) {
            maxAgeBroken = true;
            add(ProblemCode.MAX_AGE_OUT_OF_RANGE, line, column, "max_age " + value + " is over the limit of "
                    + MtaStsPolicy.MAX_AGE_LIMIT_SECONDS + " seconds (about a year)");
            return;
        }
        maxAge = seconds;
        if (seconds < ONE_DAY) {
            add(ProblemCode.MAX_AGE_SHORT, line, column, "max_age " + seconds
                    + " is under one day (86400): senders refetch often and lose the policy soon after an outage");
        } else if (seconds > ONE_WEEK) {
            add(ProblemCode.MAX_AGE_LONG, line, column, "max_age " + seconds
                    + " is over one week (604800): a policy change takes that long to reach every sender");
        }
    }

    private void readMx(int line, int column, String value) {
        anyMxLine = true;
        Optional<MxPattern.Defect> defect = MxPattern.defect(value);
        if (defect.isPresent()) {
            add(defect.get().code(), line, column, defect.get().message());
            return;
        }
        MxPattern pattern = MxPattern.ofValid(value); // defect(value) was empty just above
        // a repeated pattern is harmless and kept, so that mx() lists the file's lines and parse(toText()) round-trips
        boolean repeated = isRepeat(pattern);
        mx.add(pattern);
        if (repeated) {
            add(ProblemCode.MX_DUPLICATE, line, column, "mx " + Quoting.quotedText(value) + " is listed twice");
            return;
        }
        if (pattern.looksLikeIpAddress()) {
            add(ProblemCode.MX_IP_ADDRESS, line, column, "mx " + Quoting.quotedText(value)
                    + " looks like an IP address; patterns match MX host names, never addresses, so it matches"
                    + " nothing: list the host name the MX record points to instead, such as 'mx: mx1.example.com'");
        } else if (pattern.hasNumericTopLevelLabel()) {
            add(ProblemCode.MX_NUMERIC_TLD, line, column, numericTopLevelLabelMessage(value, pattern));
        } else if (pattern.isBroad()) {
            add(ProblemCode.MX_WILDCARD_BROAD, line, column, "mx " + Quoting.quotedText(value)
                    + " covers every host under a top-level domain; list your own MX hosts instead");
        }
    }

    /**
     * Why a pattern ending in an all-digit label ({@code mail.123}) never matches; for a wildcard over dotted digits
     * ({@code *.1.2.3.4}, {@code *.10.0.0}) the message says that patterns name hosts, not addresses or networks.
     */
    private static String numericTopLevelLabelMessage(String value, MxPattern pattern) {
        String quoted = Quoting.quotedText(value);
        String base = pattern.baseName();
        if (pattern.isWildcard() && base.indexOf('.') >= 0
                && base.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
            return "mx " + quoted + " never matches an MX host: '" + Quoting.text(base) + "' after '*.' looks like an IP"
                    + " address or network, but patterns match MX host names, never addresses, and no host name ends"
                    + " in an all-digit label";
        }
        String last = base.substring(base.lastIndexOf('.') + 1);
        return "mx " + quoted + " never matches an MX host: its last label '" + Quoting.text(last) + "' is all digits,"
                + " and no host name's top-level label is (RFC 1123 §2.1); check for a missing or mistyped top-level"
                + " domain";
    }

    private void readExtension(int line, int column, String name, String value) {
        Optional<String> valueProblem = ExtensionSyntax.POLICY_FILE.valueProblem(name, value);
        if (valueProblem.isPresent()) {
            add(ProblemCode.EXTENSION_VALUE_INVALID, line, column, valueProblem.get());
            return;
        }
        extensions.add(new PolicyExtension(name, value));
        String known = PolicyField.knownIgnoringCase(name);
        if (known != null) {
            add(ProblemCode.FIELD_NAME_CASE, line, 1, "field '" + name + "' is not '" + known
                    + "': field names are case-sensitive, so senders ignore this line");
            return;
        }
        add(ProblemCode.EXTENSION_UNKNOWN, line, 1, "unknown field '" + name + "' is ignored by senders"
                + unknownFieldHint(name, value));
    }

    /**
     * What an unknown field was probably meant as: a known field it resembles ({@code nmx}, {@code max-age},
     * {@code verison}), with the line to write; or a field of a TXT record written into the policy ({@code id},
     * {@code rua}).
     */
    private static String unknownFieldHint(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("id") || lower.equals("policy_id")) {
            return "; the id belongs in the _mta-sts TXT record ('v=STSv1; id=...'), not in the policy";
        }
        if (lower.equals("rua")) {
            return "; 'rua' belongs in the TLS-RPT record at _smtp._tls ('v=TLSRPTv1; rua=...'), not in the policy";
        }
        Optional<String> near = lower.equals("v") ? Optional.of(PolicyField.VERSION)
                : NearName.among(name, List.of(KNOWN_FIELDS));
        return near.map(known -> "; it resembles the field '" + known + "': if it was meant as that field, write '"
                + known + ": " + Quoting.text(value) + "'").orElse("");
    }

    private void checkRequiredFields() {
        if (version == null && !versionBroken) {
            add(ProblemCode.VERSION_MISSING, 1, 1, "no 'version: STSv1' line");
        }
        if (mode == null && !modeBroken) {
            add(ProblemCode.MODE_MISSING, 1, 1, "no 'mode:' line (enforce, testing or none)");
        }
        if (maxAge == null && !maxAgeBroken) {
            add(ProblemCode.MAX_AGE_MISSING, 1, 1, "no 'max_age:' line (seconds, such as 604800)");
        }
        if (mode != null && mode != PolicyMode.NONE && !anyMxLine) {
            add(ProblemCode.MX_MISSING, 1, 1, "mode " + mode.token() + " needs at least one 'mx:' line");
        }
    }

    private PolicyParseResult result() {
        boolean valid = !errorSeen;
        Optional<Duration> age = maxAge == null ? Optional.empty() : Optional.of(Duration.ofSeconds(maxAge));
        List<MxPattern> patterns = List.copyOf(mx); // one copy, shared by the policy and the result
        Optional<MtaStsPolicy> policy = Optional.empty();
        if (valid && version != null && mode != null && maxAge != null && (mode == PolicyMode.NONE || !mx.isEmpty())) {
            policy = Optional.of(new MtaStsPolicy(version, mode, patterns, age.get(), extensions));
        } else if (valid) {
            // every missing field is reported above; this guards the invariant
            add(ProblemCode.MX_MISSING, 1, 1, "mode " + (mode == null ? "?" : mode.token())
                    + " needs at least one valid 'mx:' line");
        }
        return new PolicyParseResult(policy, Optional.ofNullable(version), Optional.ofNullable(mode), patterns, age,
                problems);
    }

    /** @return false when a problem of this code would be neither kept nor change validity: skip building it */
    private boolean wouldRecord(ProblemCode code) {
        return problems.size() < MAX_PROBLEMS || !truncated || (code.severity() == Severity.ERROR && !errorSeen);
    }

    /**
     * Records a problem. Past {@value #MAX_PROBLEMS} problems the rest are dropped, after one
     * {@link ProblemCode#PROBLEMS_TRUNCATED}, but an error is never lost: validity follows {@link #errorSeen}, and at
     * least one error stays in the list.
     */
    private void add(ProblemCode code, int line, int column, String message) {
        boolean error = code.severity() == Severity.ERROR;
        Problem problem = Problem.of(code, line, column, message);
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else {
            if (!truncated) {
                truncated = true;
                problems.add(Problem.of(ProblemCode.PROBLEMS_TRUNCATED, line, 1,
                        "more than " + MAX_PROBLEMS + " problems; the rest are not listed"));
            }
            if (error && !errorSeen) {
                problems.set(MAX_PROBLEMS - 1, problem);
            }
        }
        errorSeen |= error;
    }

    /**
     * @return the first {@code c} in {@code text[from, to)}, or -1. Bounded by the line: {@code text.indexOf(c, from)}
     *     would read on to the end of the body for every line without one, which is quadratic in the number of lines
     */
    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private boolean isAllWhitespace(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isWsp(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
