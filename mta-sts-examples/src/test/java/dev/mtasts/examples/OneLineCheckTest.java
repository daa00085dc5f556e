package dev.mtasts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.MtaStsSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OneLineCheckTest {

    @Test
    void theDefaultsAreFoundOnTheClassPath() {
        // building sends nothing: it only finds mta-sts-dns and mta-sts-http through ServiceLoader
        assertThat(MtaStsValidator.builder().build()).isNotNull();
    }

    @Test
    void printsTheVerdictAndEachErrorWithItsFix() {
        try (MtaStsSandbox sandbox = MtaStsSandbox.start()) {
            Deployments.installAll(sandbox);
            Validator validator = sandbox.validatorBuilder().build();

            assertThat(print(validator, "enforce.good.test"))
                    .isEqualTo("enforce.good.test: ENFORCING, promotion NOT_APPLICABLE\n");
            assertThat(print(validator, "backup-mx.test"))
                    .startsWith("backup-mx.test: ENFORCING (mail at risk), promotion NOT_APPLICABLE\n"
                            + "  MX_NOT_COVERED: MX host backup.mx-provider.test")
                    .contains("    fix: ");
        }
    }

    private static String print(Validator validator, String domain) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OneLineCheck.print(validator.validate(domain), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
