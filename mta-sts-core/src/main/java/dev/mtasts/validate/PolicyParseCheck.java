package dev.mtasts.validate;

import dev.mtasts.DomainName;
import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.policy.PolicyParseResult;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.report.FindingCode;
import java.util.Optional;

/** Layer 3, {@code POLICY_PARSE}: the policy text (RFC 8461 §3.2, rules C1 to C17), read by the lenient parser. */
final class PolicyParseCheck {

    private final String subject;
    private final FindingList findings;
    private Optional<PolicyParseResult> result = Optional.empty();

    PolicyParseCheck(DomainName domain, FindingList findings) {
        this.subject = "https://" + domain.prefixedWith("mta-sts") + "/.well-known/mta-sts.txt";
        this.findings = findings;
    }

    Optional<PolicyParseResult> result() {
        return result;
    }

    void check(Optional<byte[]> body) {
        if (body.isEmpty()) {
            return;
        }
        PolicyParseResult parsed = PolicyParser.lenient().parse(body.get());
        result = Optional.of(parsed);
        for (Problem p : parsed.problems()) {
            FindingCode code = codeFor(p);
            boolean missing = p.code().name().endsWith("_MISSING");
            String where = missing ? "Policy: " : "Policy line " + p.line() + ": ";
            findings.add(code, p.severity(), missing ? subject : subject + " line " + p.line(), where + p.message() + ".",
                    remediation(code, p.code()), p.code());
        }
        parsed.policy().filter(policy -> policy.mode() == PolicyMode.NONE).ifPresent(policy ->
                findings.add(FindingCode.POLICY_MODE_NONE, Severity.INFO, subject, "The policy is in mode none:"
                        + " senders neither enforce it nor report failures; MTA-STS is inactive.",
                        "To protect inbound mail, publish mode testing, then enforce, each with a new id."));
    }

    private static FindingCode codeFor(Problem p) {
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

    private static String remediation(FindingCode code, ProblemCode problem) {
        return switch (code) {
            case POLICY_VERSION_INVALID -> "Start the policy with the line 'version: STSv1'.";
            case POLICY_MODE_INVALID -> "Write one line 'mode: testing' (or enforce, or none), in lower case.";
            case POLICY_MAX_AGE_INVALID -> "Write one line 'max_age: 86400' (seconds, digits only, at most 31557600).";
            case POLICY_MX_INVALID -> "Write one line 'mx: <host>' per MX host, such as 'mx: mx1.example.com' or"
                    + " 'mx: *.example.com', without trailing dots, in A-labels.";
            case POLICY_MAX_AGE_SHORT -> "Use max_age 86400 (one day) while testing and 604800 (one week) or more once"
                    + " enforcing.";
            case POLICY_MAX_AGE_LONG -> "Fine once stable; while changing the policy, a shorter max_age (86400) lets"
                    + " changes reach senders sooner.";
            case POLICY_SYNTAX -> problem == ProblemCode.POLICY_BYTE_ORDER_MARK
                    ? "Save the file as UTF-8 without a byte order mark."
                    : "Write one 'name: value' per line, starting at the first column, lines ending in LF or CRLF.";
            default -> switch (problem) {
                case POLICY_BLANK_LINE -> "Remove blank lines: some senders reject the whole policy because of them.";
                case FIELD_DUPLICATE -> "Keep one line per field; senders use only the first.";
                case FIELD_NAME_CASE -> "Write field names in lower case: version, mode, mx, max_age.";
                case MX_WILDCARD_BROAD, MX_IP_ADDRESS -> "List your own MX host names.";
                case EXTENSION_UNKNOWN -> "Remove the field unless it is intended; check it is not a typo.";
                case MX_DUPLICATE -> "Remove the repeated mx line.";
                default -> "See " + problem.reference() + ".";
            };
        };
    }
}
