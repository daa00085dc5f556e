package dev.mtasts.policy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtasts.ParserContract;
import java.nio.charset.StandardCharsets;

/**
 * The coverage-guided fuzz target of the policy parser (Jazzer, issue 16). For any bytes: the fetched-body form
 * {@link PolicyParser#parse(byte[])} never throws; and for the bytes decoded as UTF-8 and as ISO-8859-1,
 * {@link MtaStsPolicy#parse(String)} throws nothing but {@link PolicyParseException}, {@link PolicyParser#lenient()}
 * throws nothing, and every valid policy round-trips through {@code parse(toText())} ({@link ParserContract}).
 *
 * <p>In the normal build ({@code ./mvnw verify}) this runs in Jazzer's regression mode: it replays the seed corpus in
 * {@code src/test/resources/dev/mtasts/policy/PolicyParserFuzzTestInputs/parsesAnyPolicyBody/} (plus an empty input)
 * and takes well under a second. To fuzz, by hand:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -o -pl mta-sts-core test -Dtest=PolicyParserFuzzTest -Djazzer.max_duration=10m
 * </pre>
 * A crashing input is written to that directory, where it stays as a regression test once the bug is fixed.
 */
class PolicyParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parsesAnyPolicyBody(byte[] body) {
        ParserContract.policyBytes(body);
        ParserContract.policy(new String(body, StandardCharsets.UTF_8));
        ParserContract.policy(new String(body, StandardCharsets.ISO_8859_1));
    }
}
