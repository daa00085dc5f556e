package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.report.FindingCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's tables must name every finding code and every problem code, so users can look each one up. */
class ReadmeCodesTest {

    private static String readme() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        Path readme = here.resolve("README.md");
        if (!Files.exists(readme)) {
            readme = here.getParent().resolve("README.md");
        }
        return Files.readString(readme, StandardCharsets.UTF_8);
    }

    @Test
    void readmeDocumentsEveryFindingCode() throws IOException {
        String readme = readme();
        for (FindingCode code : FindingCode.values()) {
            assertThat(readme).as("README row for finding code %s", code).contains("| `" + code.name() + "` |");
        }
    }

    @Test
    void readmeDocumentsEveryProblemCode() throws IOException {
        String readme = readme();
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(readme).as("README row for problem code %s", code).contains("| `" + code.name() + "` |");
        }
    }
}
