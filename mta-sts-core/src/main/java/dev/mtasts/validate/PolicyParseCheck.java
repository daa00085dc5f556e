package dev.mtasts.validate;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.policy.PolicyParseResult;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.report.FindingCode;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Layer 3, {@code POLICY_PARSE}: the policy text (RFC 8461 §3.2, rules C1 to C17), read by the lenient parser. Each
 * parser problem becomes a finding of the problem's severity; a problem of severity {@code ERROR} (a blank line
 * included, C2) makes the parse result hold no policy, so senders that follow the grammar ignore it.
 */
final class PolicyParseCheck {

    private final String subject;
    private final FindingList findings;

    PolicyParseCheck(PolicyNames names, FindingList findings) {
        this.subject = Objects.requireNonNull(names, "names").policyUrl();
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    /** @return what the parser read, when a body was fetched */
    Optional<PolicyParseResult> check(Optional<byte[]> body) {
        Objects.requireNonNull(body, "body");
        if (body.isEmpty()) {
            return Optional.empty();
        }
        PolicyParseResult parsed = PolicyParser.lenient().parse(body.get());
        String text = null; // decoded only when a fix quotes the file
        for (Problem p : parsed.problems()) {
            FindingCode code = codeFor(p);
            boolean missing = p.code().name().endsWith("_MISSING");
            String where = missing ? "Policy: " : "Policy line " + p.line() + ": ";
            Optional<String> specific = Optional.empty();
            if (p.code() == ProblemCode.POLICY_JSON) {
                specific = Optional.of(jsonFix(parsed));
            } else if (MX_DEFECTS.contains(p.code())) {
                text = text == null ? new String(body.get(), StandardCharsets.UTF_8) : text;
                specific = mxFix(text, p);
            }
            findings.add(code, p.severity(), missing ? subject : subject + " line " + p.line(), where + p.message() + ".",
                    specific.orElseGet(() -> remediation(code, p.code())), p.code());
        }
        parsed.policy().filter(policy -> policy.mode() == PolicyMode.NONE).ifPresent(policy ->
                findings.add(FindingCode.POLICY_MODE_NONE, Severity.INFO, subject, "The policy is in mode none:"
                        + " senders neither enforce it nor report failures; MTA-STS is inactive.",
                        "To protect inbound mail, publish mode testing, then enforce, each with a new id."));
        return Optional.of(parsed);
    }

    /** The problems of one {@code mx} value whose fix can name the pattern to write ({@link MxPattern#suggestion}). */
    private static final Set<ProblemCode> MX_DEFECTS = EnumSet.of(ProblemCode.MX_INVALID, ProblemCode.MX_TRAILING_DOT,
            ProblemCode.MX_U_LABEL, ProblemCode.MX_MULTIPLE_VALUES);

    /**
     * The fix of a JSON policy from the drafts: the same policy as RFC 8461 lines, when its fields could be read
     * (they are the parse result's readings), else the shape to write.
     */
    private static String jsonFix(PolicyParseResult parsed) {
        Optional<MtaStsPolicy> meant = parsed.mode().flatMap(mode -> parsed.maxAge()
                .filter(age -> mode == PolicyMode.NONE || !parsed.mx().isEmpty())
                .map(age -> new MtaStsPolicy(MtaStsPolicy.VERSION_STSV1, mode, parsed.mx(), age, List.of())));
        String serve = "Serve the policy as text/plain 'name: value' lines, one field per line, in place of the JSON"
                + " object";
        return meant.map(policy -> serve + ": '" + String.join("', '", policy.toText().split("\r\n")) + "'.")
                .orElse(serve + ": 'version: STSv1', 'mode: testing', one 'mx: <host>' per MX host, and"
                        + " 'max_age: 86400'.");
    }

    /** The fix of an {@code mx} line whose value shows the pattern meant: that pattern, on that line. */
    private static Optional<String> mxFix(String text, Problem p) {
        Optional<String> value = lineValue(text, p.line(), p.column());
        boolean leadingDot = value.filter(v -> v.startsWith(".")).isPresent();
        return value.flatMap(MxPattern::suggestion).map(meant -> "Write 'mx: " + meant + "' on line " + p.line()
                + (leadingDot && meant.isWildcard() ? ", and a line 'mx: " + meant.baseName() + "' too if "
                + meant.baseName() + " is itself an MX host" : "") + ".");
    }

    /** @return the value of a line from its 1-based column, without the spaces and tabs after it */
    private static Optional<String> lineValue(String text, int line, int column) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', start);
            if (next < 0) {
                return Optional.empty();
            }
            start = next + 1;
        }
        int end = text.indexOf('\n', start);
        String content = text.substring(start, end < 0 ? text.length() : end);
        if (content.endsWith("\r")) {
            content = content.substring(0, content.length() - 1);
        }
        if (column - 1 > content.length()) {
            return Optional.empty();
        }
        String value = content.substring(column - 1);
        int trimmed = value.length();
        while (trimmed > 0 && (value.charAt(trimmed - 1) == ' ' || value.charAt(trimmed - 1) == '\t')) {
            trimmed--;
        }
        return Optional.of(value.substring(0, trimmed));
    }

    /**
     * The finding code of a problem: the field's own code for the required fields, {@code POLICY_SYNTAX} for any
     * other problem that makes the policy invalid ({@code ERROR}: a blank line, a bare CR, a line without ':'), and
     * {@code POLICY_NOTE} for a remark.
     */
    static FindingCode codeFor(Problem p) {
        Objects.requireNonNull(p, "p");
        return switch (p.code()) {
            case VERSION_MISSING, VERSION_INVALID -> FindingCode.POLICY_VERSION_INVALID;
            case MODE_MISSING, MODE_INVALID -> FindingCode.POLICY_MODE_INVALID;
            case MAX_AGE_MISSING, MAX_AGE_INVALID, MAX_AGE_OUT_OF_RANGE -> FindingCode.POLICY_MAX_AGE_INVALID;
            case MX_MISSING, MX_INVALID, MX_MULTIPLE_VALUES, MX_TRAILING_DOT, MX_U_LABEL -> FindingCode.POLICY_MX_INVALID;
            case MAX_AGE_SHORT -> FindingCode.POLICY_MAX_AGE_SHORT;
            case MAX_AGE_LONG -> FindingCode.POLICY_MAX_AGE_LONG;
            default -> p.severity() == Severity.ERROR ? FindingCode.POLICY_SYNTAX : FindingCode.POLICY_NOTE;
        };
    }

    /** The fix: specific to the problem where one is known, else the code's. */
    static String remediation(FindingCode code, ProblemCode problem) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(problem, "problem");
        return switch (problem) {
            case POLICY_BLANK_LINE -> "Remove every blank and whitespace-only line, and end the file with a single"
                    + " line ending after the last field: senders that follow the RFC 8461 grammar, such as mox and"
                    + " go-mtasts, reject the whole policy because of a blank line.";
            case POLICY_BYTE_ORDER_MARK -> "Save the file as UTF-8 without a byte order mark.";
            case FIELD_DUPLICATE -> "Keep one line per field; senders use only the first.";
            case FIELD_NAME_CASE -> "Write field names in lower case: version, mode, mx, max_age.";
            case MX_NUMERIC_TLD -> "Write the MX host's full name, ending in its real top-level domain (mx1.example.com).";
            case MX_WILDCARD_BROAD -> "List your own MX host names.";
            case MX_IP_ADDRESS -> "List the host names your MX records point to (dig MX <domain>), never their"
                    + " addresses.";
            case EXTENSION_UNKNOWN -> "Rename the field if it is a misspelling of version, mode, mx or max_age (the"
                    + " message says which it resembles), or remove it unless it is intended.";
            case MODE_INVALID -> "Write one line 'mode: testing' (or enforce, or none), in lower case; 'report', from"
                    + " the drafts, is 'testing' today.";
            case POLICY_JSON -> "Serve the policy as text/plain 'name: value' lines in place of the JSON object.";
            case MX_DUPLICATE -> "Remove the repeated mx line.";
            default -> switch (code) {
                case POLICY_VERSION_INVALID -> "Start the policy with the line 'version: STSv1'.";
                case POLICY_MODE_INVALID -> "Write one line 'mode: testing' (or enforce, or none), in lower case.";
                case POLICY_MAX_AGE_INVALID -> "Write one line 'max_age: 86400' (seconds, digits only, at most"
                        + " 31557600).";
                case POLICY_MX_INVALID -> "Write one line 'mx: <host>' per MX host, such as 'mx: mx1.example.com' or"
                        + " 'mx: *.example.com', without trailing dots, in A-labels.";
                case POLICY_MAX_AGE_SHORT -> "Use max_age 86400 (one day) while testing and 604800 (one week) or"
                        + " more once enforcing.";
                case POLICY_MAX_AGE_LONG -> "Fine once stable; while changing the policy, a shorter max_age (86400)"
                        + " lets changes reach senders sooner.";
                case POLICY_SYNTAX -> "Write one 'name: value' per line, starting at the first column, lines ending"
                        + " in LF or CRLF.";
                default -> "See " + problem.reference() + ".";
            };
        };
    }
}
