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
        // the project's README, beside mvnw: a module has a README of its own
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IOException("no project root (a directory with mvnw) above " + Path.of("").toAbsolutePath());
        }
        return Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
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
