package dev.mtasts.policy;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Parses MTA-STS policy files (RFC 8461 §3.2), strictly or leniently.
 *
 * <ul>
 *   <li>{@link #strict()} rejects every {@code ERROR} problem with a {@link PolicyParseException}.</li>
 *   <li>{@link #lenient()} never throws, whatever the input: it returns a {@link PolicyParseResult} with the policy
 *       (when valid), the best reading of each field, and every problem with its code, line and column.</li>
 * </ul>
 * Both read the same grammar: lines end in LF or CRLF (C1); field names and the values of {@code version} and
 * {@code mode} are case-sensitive (C4); the first of a repeated field wins (C13); unknown fields are kept as
 * extensions and otherwise ignored (C12); {@code max_age} is 1 to 10 digits, at most 31557600 (C7); {@code mx}
 * values are A-labels with an optional one-label wildcard (C10, C11). Input over 64 KiB (in UTF-8) is rejected
 * before it is read ({@value #MAX_POLICY_BYTES} bytes, B15). Parsing is linear in the input; no regular expressions.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * MtaStsPolicy policy = PolicyParser.strict().parseOrThrow(text);
 * PolicyParseResult result = PolicyParser.lenient().parse(text);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PolicyParser {

    /** The largest policy body, in bytes, the parsers read: 64 KiB, as RFC 8461 §3.3 suggests. */
    public static final int MAX_POLICY_BYTES = 64 * 1024;

    private static final PolicyParser STRICT = new PolicyParser(true);
    private static final PolicyParser LENIENT = new PolicyParser(false);

    private final boolean strict;

    private PolicyParser(boolean strict) {
        this.strict = strict;
    }

    /** @return the parser that throws {@link PolicyParseException} at the first error */
    public static PolicyParser strict() {
        return STRICT;
    }

    /** @return the parser that never throws */
    public static PolicyParser lenient() {
        return LENIENT;
    }

    /**
     * Parses a policy body. Never throws for the lenient parser; the strict one returns the same result for a
     * valid policy and throws otherwise.
     *
     * @param text the policy body; {@code null} is read as empty
     * @return the result
     * @throws PolicyParseException from the strict parser, when the result has an error
     */
    public PolicyParseResult parse(String text) {
        PolicyParseResult result = new PolicyScanner(text == null ? "" : text).scan();
        if (strict && !result.isValid()) {
            throw new PolicyParseException(result.errors().get(0), result.problems());
        }
        return result;
    }

    /**
     * Parses a policy body as fetched: strict UTF-8, at most {@value #MAX_POLICY_BYTES} bytes.
     *
     * @param body the bytes of the body
     * @return the result
     * @throws PolicyParseException from the strict parser, when the result has an error
     */
    public PolicyParseResult parse(byte[] body) {
        if (body.length > MAX_POLICY_BYTES) {
            return fail(Problem.of(ProblemCode.POLICY_TOO_LARGE, 1, 1, "policy is " + body.length
                    + " bytes; the limit is " + MAX_POLICY_BYTES + " bytes (64 KiB)"));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length); // UTF-8 never has more characters than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            return fail(Problem.of(ProblemCode.POLICY_NOT_UTF8, lineOf(body, bad), 1,
                    "policy is not valid UTF-8 (first bad byte at offset " + bad + ")"));
        }
        return parse(out.flip().toString());
    }

    /**
     * Parses strictly and returns the policy.
     *
     * @param text the policy body
     * @return the policy
     * @throws PolicyParseException at the first error
     */
    public MtaStsPolicy parseOrThrow(String text) {
        PolicyParseResult result = new PolicyScanner(text == null ? "" : text).scan();
        if (!result.isValid()) {
            throw new PolicyParseException(result.errors().get(0), result.problems());
        }
        return result.policy().orElseThrow();
    }

    private PolicyParseResult fail(Problem problem) {
        PolicyParseResult result = PolicyScanner.failed(List.of(problem));
        if (strict && problem.severity() == Severity.ERROR) {
            throw new PolicyParseException(problem, result.problems());
        }
        return result;
    }

    private static int lineOf(byte[] body, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < body.length; i++) {
            if (body[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
