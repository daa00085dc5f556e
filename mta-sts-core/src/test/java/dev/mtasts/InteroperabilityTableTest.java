package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.report.FindingCode;
import dev.mtasts.report.SenderClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The interoperability table exists three times: as {@link SenderClass} itself, in its Javadoc, and in
 * {@code docs/interoperability.md}. Each row of the page and of the Javadoc must say what the enum says: the class,
 * its effect, title, RFC section and rules, and every finding code (with its parser problem) that names it.
 */
class InteroperabilityTableTest {

    private static Path root() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IOException("no project root (a directory with mvnw) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String read(String relative) throws IOException {
        return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
    }

    /** @return the rows of the page's table whose first cell is a backticked class name */
    private static List<String> pageRows() throws IOException {
        return read("docs/interoperability.md").lines().filter(l -> l.matches("\\| `[A-Z0-9_]+` \\|.*")).toList();
    }

    private static String cell(String row, int index) {
        return row.split(" \\| ", -1)[index].replace("|", "").strip();
    }

    @Test
    void thePageHasOneRowPerClassInEnumOrder() throws IOException {
        List<String> names = pageRows().stream().map(r -> cell(r, 0).replace("`", "")).toList();

        assertThat(names).containsExactlyElementsOf(Arrays.stream(SenderClass.values()).map(Enum::name).toList());
    }

    @Test
    void eachRowOfThePageSaysWhatTheEnumSays() throws IOException {
        for (String row : pageRows()) {
            SenderClass c = SenderClass.valueOf(cell(row, 0).replace("`", ""));
            assertThat(cell(row, 1)).as("effect of %s", c).isEqualTo(c.effect().words());
            assertThat(cell(row, 2)).as("behaviour of %s", c).startsWith(c.title() + ":");
            assertThat(cell(row, 3)).as("RFC section of %s", c).isEqualTo(c.reference() + " (" + c.rule() + ")");
            String findings = cell(row, 5);
            List<String> named = codesIn(findings);
            assertThat(named).as("finding codes of %s", c)
                    .containsExactlyElementsOf(c.findingCodes().stream().map(Enum::name).toList());
            for (FindingCode code : c.findingCodes()) {
                c.problemFor(code).ifPresent(p -> assertThat(findings).as("problem of %s for %s", c, code)
                        .contains("`" + code.name() + "` with problem `" + p.name() + "`"));
                c.severityFor(code).ifPresent(s -> assertThat(findings).as("severity of %s for %s", c, code)
                        .contains("`" + code.name() + "` (" + s.name() + ";"));
            }
            if (c.raisesInteropRisk()) {
                assertThat(findings).contains("`INTEROP_RISK` (WARNING");
            }
        }
    }

    /** @return the backticked finding codes of a cell, in order, without the problem codes */
    private static List<String> codesIn(String cell) {
        Matcher m = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(cell);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            if (Arrays.stream(FindingCode.values()).anyMatch(code -> code.name().equals(name))) {
                out.add(name);
            }
        }
        return out;
    }

    @Test
    void theJavadocTableHasOneRowPerClassWithItsFindingCodes() throws IOException {
        String source = read("mta-sts-core/src/main/java/dev/mtasts/report/SenderClass.java");
        Matcher rows = Pattern.compile("<tr><td>\\{@link #([A-Z0-9_]+)}</td>(.*?)</tr>", Pattern.DOTALL)
                .matcher(source);
        List<String> names = new java.util.ArrayList<>();
        while (rows.find()) {
            SenderClass c = SenderClass.valueOf(rows.group(1));
            names.add(c.name());
            String row = rows.group(2).replaceAll("\\s*\\*\\s*", " ");
            assertThat(row).as("Javadoc row of %s", c).contains(c.rule(), effectWords(c));
            for (FindingCode code : c.findingCodes()) {
                assertThat(row).as("Javadoc row of %s", c).contains("{@code " + code.name() + "}");
                c.severityFor(code).ifPresent(s -> assertThat(row).as("Javadoc row of %s", c)
                        .contains("{@code " + code.name() + "} ({@code " + s.name() + "})"));
            }
        }
        assertThat(names).containsExactlyElementsOf(Arrays.stream(SenderClass.values()).map(Enum::name).toList());
    }

    private static String effectWords(SenderClass c) {
        return switch (c.effect()) {
            case REJECTS -> "rejects";
            case READS_OTHERWISE -> "reads otherwise";
            case HIDES -> "hides";
        };
    }
}
