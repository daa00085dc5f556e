package dev.mtasts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Which known name a typed one resembles: case, separators and one or two edits aside. */
class NearNameTest {

    private static final List<String> FIELDS = List.of("version", "mode", "mx", "max_age");

    @Test
    void separatorsAndCaseAreIgnored() {
        assertThat(NearName.among("max-age", FIELDS)).contains("max_age");
        assertThat(NearName.among("MaxAge", FIELDS)).contains("max_age");
        assertThat(NearName.among("max.age", FIELDS)).contains("max_age");
    }

    @Test
    void shortNamesAllowOneEditAndLongerOnesTwo() {
        assertThat(NearName.among("nmx", FIELDS)).contains("mx");
        assertThat(NearName.among("id", FIELDS)).as("two edits from mx").isEmpty();
        assertThat(NearName.among("note", FIELDS)).as("two edits from mode").isEmpty();
        assertThat(NearName.among("mdoe", FIELDS)).as("a swap is one edit").contains("mode");
        assertThat(NearName.among("verison", FIELDS)).contains("version");
        assertThat(NearName.among("vrsn", FIELDS)).as("three edits from version").isEmpty();
    }

    @Test
    void theNameItselfAndVeryLongNamesResembleNothing() {
        assertThat(NearName.among("mx", FIELDS)).isEmpty();
        assertThat(NearName.among("m".repeat(41), FIELDS)).isEmpty();
        assertThat(NearName.among("", FIELDS)).isEmpty();
    }

    @Test
    void theDistanceIsTheOptimalStringAlignmentCappedAtTheLimit() {
        assertThat(NearName.distance("ca", "ac", 5)).isEqualTo(1);
        assertThat(NearName.distance("kitten", "sitting", 9)).isEqualTo(3);
        assertThat(NearName.distance("kitten", "sitting", 2)).isEqualTo(2);
        assertThat(NearName.distance("", "abc", 9)).isEqualTo(3);
    }

    @Property(tries = 2000)
    void theDistanceIsSymmetricAndZeroOnlyForEqualStrings(@ForAll String a, @ForAll String b) {
        int ab = NearName.distance(a, b, 100);
        assertThat(ab).isEqualTo(NearName.distance(b, a, 100));
        assertThat(ab == 0).isEqualTo(a.equals(b));
    }
}
