package dev.mtasts.examples.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration as people type it, always with its unit: {@code 5s}, {@code 500ms}, {@code 2m}, {@code 1h}, or
 * ISO-8601 {@code PT5S}. A bare number is refused: {@code 5} could mean seconds or milliseconds, and a deadline a
 * thousand times off is worse than an error.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    /** What the error messages list as accepted. */
    static final String FORMS = "a number with its unit, such as 5s, 500ms, 2m or 1h, or ISO-8601 such as PT5S";

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Pattern BARE = Pattern.compile("\\d+");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Duration d = parse(text, value);
        if (d.isZero() || d.isNegative()) {
            throw new TypeConversionException("'" + value + "' is not a positive duration: write " + FORMS);
        }
        return d;
    }

    private static Duration parse(String text, String original) {
        if (BARE.matcher(text).matches()) {
            throw new TypeConversionException("'" + original + "' has no unit: write " + FORMS
                    + " (for " + text + " seconds: " + text + "s)");
        }
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Duration.ofMillis(n);
                case "m":
                    return Duration.ofMinutes(n);
                case "h":
                    return Duration.ofHours(n);
                default:
                    return Duration.ofSeconds(n);
            }
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + original + "' is not a duration: write " + FORMS);
        }
    }
}
