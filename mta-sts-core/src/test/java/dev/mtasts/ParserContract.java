package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyParseException;
import dev.mtasts.policy.PolicyParseResult;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.record.RecordParseException;
import dev.mtasts.record.RecordParseResult;
import dev.mtasts.record.StsRecord;
import dev.mtasts.record.TlsRptRecord;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The contract every parser keeps for any input, hostile or not, checked in one place for the jqwik properties
 * ({@code PolicyParserPropertiesTest}, {@code RecordParserPropertiesTest}) and the Jazzer fuzz target
 * ({@code PolicyParserFuzzTest}):
 * <ul>
 *   <li>the lenient form ({@code lenient().parse}) throws nothing at all, and its result is coherent: valid exactly
 *       when it holds no error, a value exactly when valid;</li>
 *   <li>the strict form ({@code X.parse}) throws nothing but its documented parse exception, and throws it exactly
 *       when the lenient result holds an error, with that first error as its problem;</li>
 *   <li>a value read back from its text form is the same value ({@code parse(toText()) == value}; for a policy
 *       whose CRLF form outgrows 64 KiB, that form is refused as too large).</li>
 * </ul>
 * An unexpected exception or error (a {@code StackOverflowError} included) is caught and turned into a test failure
 * that names the input's length, so that jqwik shrinks it and Jazzer records it.
 */
public final class ParserContract {

    private ParserContract() {
    }

    /** Checks the policy parser's contract, both forms, on one text. */
    public static void policy(String text) {
        PolicyParseResult lenient = lenient("PolicyParser.lenient()", text, PolicyParser.lenient()::parse);
        assertThat(lenient.isValid()).as("valid exactly without errors").isEqualTo(lenient.errors().isEmpty());
        assertThat(lenient.policy().isPresent()).as("a policy exactly when valid").isEqualTo(lenient.isValid());
        MtaStsPolicy strict;
        try {
            strict = MtaStsPolicy.parse(text);
        } catch (PolicyParseException e) {
            assertThat(lenient.isValid()).as("strict threw %s, lenient found no error", e.getMessage()).isFalse();
            assertThat(e.problem()).isEqualTo(lenient.errors().get(0));
            return;
        } catch (Throwable t) {
            throw unexpected("MtaStsPolicy.parse", text, t);
        }
        assertThat(lenient.policy()).contains(strict);
        roundTrip(strict);
    }

    /**
     * {@code parse(toText())} gives the policy back, and its text is a fixed point. One edge: {@code toText()} ends
     * lines in CRLF, so a valid policy written with LF just under 64 KiB can have a canonical text over the limit, which
     * the parser then refuses as {@link ProblemCode#POLICY_TOO_LARGE}, and nothing else.
     */
    private static void roundTrip(MtaStsPolicy policy) {
        String canonical = policy.toText();
        if (canonical.getBytes(StandardCharsets.UTF_8).length > PolicyParser.MAX_POLICY_BYTES) {
            assertThat(PolicyParser.lenient().parse(canonical).errors()).extracting(Problem::code)
                    .containsExactly(ProblemCode.POLICY_TOO_LARGE);
            return;
        }
        assertThat(MtaStsPolicy.parse(canonical)).as("parse(toText()) round-trips").isEqualTo(policy);
        assertThat(MtaStsPolicy.parse(canonical).toText()).isEqualTo(canonical);
    }

    /** Checks {@link PolicyParser#parse(byte[])}, the form a fetched body takes, on any bytes: it never throws. */
    public static void policyBytes(byte[] body) {
        PolicyParseResult result;
        try {
            result = PolicyParser.lenient().parse(body);
        } catch (Throwable t) {
            throw unexpected("PolicyParser.lenient().parse(byte[])", "<" + body.length + " bytes>", t);
        }
        assertThat(result.isValid()).isEqualTo(result.errors().isEmpty());
        result.policy().ifPresent(ParserContract::roundTrip);
    }

    /** Checks both forms of the {@code _mta-sts} record parser on one text. */
    public static void stsRecord(String text) {
        RecordParseResult<StsRecord> lenient = lenient("StsRecord.lenient()", text, StsRecord.lenient()::parse);
        record(lenient, text, StsRecord::parse, StsRecord::toText, "StsRecord.parse");
    }

    /** Checks both forms of the {@code _smtp._tls} record parser on one text. */
    public static void tlsRptRecord(String text) {
        RecordParseResult<TlsRptRecord> lenient = lenient("TlsRptRecord.lenient()", text,
                TlsRptRecord.lenient()::parse);
        record(lenient, text, TlsRptRecord::parse, TlsRptRecord::toText, "TlsRptRecord.parse");
    }

    private static <T> void record(RecordParseResult<T> lenient, String text, Function<String, T> strictParser,
                                   Function<T, String> toText, String name) {
        assertThat(lenient.isValid()).as("valid exactly without errors").isEqualTo(lenient.errors().isEmpty());
        assertThat(lenient.record().isPresent()).as("a record exactly when valid").isEqualTo(lenient.isValid());
        T strict;
        try {
            strict = strictParser.apply(text);
        } catch (RecordParseException e) {
            assertThat(lenient.isValid()).as("strict threw %s, lenient found no error", e.getMessage()).isFalse();
            assertThat(e.problem()).isEqualTo(lenient.errors().get(0));
            return;
        } catch (Throwable t) {
            throw unexpected(name, text, t);
        }
        assertThat(lenient.record()).contains(strict);
        assertThat(strictParser.apply(toText.apply(strict))).as("parse(toText()) round-trips").isEqualTo(strict);
    }

    private static <R> R lenient(String name, String text, Function<String, R> parser) {
        try {
            return parser.apply(text);
        } catch (Throwable t) {
            throw unexpected(name, text, t);
        }
    }

    private static AssertionError unexpected(String parser, String input, Throwable t) {
        String shown = input.length() <= 200 ? "'" + input + "'" : "<" + input.length() + " characters>";
        return new AssertionError(parser + " threw " + t.getClass().getName() + " for " + shown, t);
    }
}
