package dev.mtasts.policy;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The lenient reader of MTA-STS policy files (RFC 8461 §3.2): it never throws for any text or bytes, and returns a
 * {@link PolicyParseResult} with the policy (when valid), the best reading of each field even when it is not, and
 * every problem with its code, line and column. The throwing path is {@link MtaStsPolicy#parse(String)}, which reads
 * the same way and rejects exactly the results that hold an {@code ERROR}.
 *
 * <p>The grammar: lines end in LF or CRLF (C1) and none is blank (C2); field names and the values of
 * {@code version} and {@code mode} are case-sensitive (C4); the first of a repeated field wins (C13); unknown fields
 * are kept as extensions and otherwise ignored (C12); {@code max_age} is 1 to 10 digits, at most 31557600 (C7);
 * {@code mx} values are A-labels with an optional one-label wildcard (C10, C11). Input over 64 KiB (in UTF-8) is
 * rejected before it is read ({@value #MAX_POLICY_BYTES} bytes, B15). Parsing is linear in the input; no regular
 * expressions.
 *
 * <p>Immutable and thread-safe: {@link #lenient()} returns one shared instance.
 *
 * <pre>{@code
 * PolicyParseResult result = PolicyParser.lenient().parse(fetch.body());   // the fetched bytes, or the text
 * result.policy().ifPresent(policy -> System.out.println(policy.toText()));
 * result.mode();                                       // the mode, even when the policy is invalid
 * result.problems().forEach(System.out::println);      // "ERROR POLICY_BLANK_LINE line 3, column 1: ..."
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PolicyParser {

    /** The largest policy body, in bytes, the parser reads: 64 KiB, as RFC 8461 §3.3 suggests. */
    public static final int MAX_POLICY_BYTES = 64 * 1024;

    private static final PolicyParser LENIENT = new PolicyParser();

    private PolicyParser() {
    }

    /** @return the parser, which never throws */
    public static PolicyParser lenient() {
        return LENIENT;
    }

    /**
     * Parses a policy body. Never throws for any text.
     *
     * @param text the policy body
     * @return the result: the policy when there is no {@code ERROR} problem, the field readings, every problem
     */
    public PolicyParseResult parse(String text) {
        Objects.requireNonNull(text, "text");
        return new PolicyScanner(text).scan();
    }

    /**
     * Parses a policy body as fetched: strict UTF-8, at most {@value #MAX_POLICY_BYTES} bytes. Never throws for any
     * bytes; a body that is too large or not UTF-8 gives a result with that one error.
     *
     * @param body the bytes of the body
     * @return the result
     */
    public PolicyParseResult parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        if (body.length > MAX_POLICY_BYTES) {
            return PolicyScanner.failed(List.of(Problem.of(ProblemCode.POLICY_TOO_LARGE, 1, 1, "policy is "
                    + body.length + " bytes; the limit is " + MAX_POLICY_BYTES + " bytes (64 KiB)")));
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
            return PolicyScanner.failed(List.of(Problem.of(ProblemCode.POLICY_NOT_UTF8, lineOf(body, bad), 1,
                    "policy is not valid UTF-8 (first bad byte at offset " + bad + ")")));
        }
        return parse(out.flip().toString());
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
