package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine.TypeConversionException;

/** {@code --timeout} takes a duration with its unit; a bare number is refused, naming the accepted forms. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void durationsWithTheirUnitAreRead() {
        assertThat(converter.convert("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(converter.convert("PT5S")).isEqualTo(Duration.ofSeconds(5));
        assertThat(converter.convert(" pt1m30s ")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("10S")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aBareNumberIsRefusedNamingTheAcceptedForms() {
        assertThatThrownBy(() -> converter.convert("5")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'5' has no unit: write a number with its unit, such as 5s, 500ms, 2m or 1h, or"
                        + " ISO-8601 such as PT5S (for 5 seconds: 5s)");
    }

    @Test
    void nonsenseAndNonPositiveDurationsAreRefused() {
        assertThatThrownBy(() -> converter.convert("soon")).hasMessageStartingWith("'soon' is not a duration: write"
                + " a number with its unit");
        assertThatThrownBy(() -> converter.convert("0s")).hasMessageStartingWith("'0s' is not a positive duration");
        assertThatThrownBy(() -> converter.convert("PT-5S")).hasMessageStartingWith("'PT-5S' is not a positive");
        assertThatThrownBy(() -> converter.convert("1.5s")).hasMessageStartingWith("'1.5s' is not a duration");
    }
}
