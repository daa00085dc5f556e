package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeps {@code docs/problem-codes.md} and {@link ProblemCode} in step. */
class ProblemCodeDocumentationTest {

    private static Path doc() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/problem-codes.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/problem-codes.md above the working directory").isNotNull();
        return dir.resolve("docs/problem-codes.md");
    }

    /** @return each documented code's row cells, by code */
    private static Map<String, List<String>> rows() throws IOException {
        Map<String, List<String>> rows = new HashMap<>();
        for (String line : Files.readAllLines(doc(), StandardCharsets.UTF_8)) {
            if (!line.startsWith("| `")) {
                continue;
            }
            List<String> cells = List.of(line.substring(1, line.length() - 1).split(" \\| ", -1)).stream()
                    .map(String::strip).toList();
            String code = cells.get(0).replace("`", "");
            assertThat(rows.put(code, cells)).as("%s is documented twice", code).isNull();
        }
        return rows;
    }

    @Test
    void everyCodeIsDocumentedWithItsSeverityAndRfcSection() throws IOException {
        Map<String, List<String>> rows = rows();
        for (ProblemCode code : ProblemCode.values()) {
            List<String> row = rows.get(code.name());
            assertThat(row).as("%s is missing from docs/problem-codes.md", code).isNotNull();
            assertThat(row).as("%s row has code, severity, RFC section, meaning, fix", code).hasSize(5);
            assertThat(row.get(1)).as("severity of %s", code).isEqualTo(code.severity().name());
            assertThat(row.get(2)).as("RFC section of %s", code).isEqualTo(code.reference());
            assertThat(row.get(3)).as("meaning of %s", code).hasSizeGreaterThan(10);
            assertThat(row.get(4)).as("fix of %s", code).hasSizeGreaterThan(5);
        }
    }

    @Test
    void everyDocumentedCodeExists() throws IOException {
        for (String documented : rows().keySet()) {
            assertThat(ProblemCode.valueOf(documented)).isNotNull();
        }
    }
}
