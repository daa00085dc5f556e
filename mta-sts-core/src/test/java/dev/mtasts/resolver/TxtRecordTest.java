package dev.mtasts.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TxtRecordTest {

    @Test
    void severalStringsAreJoinedWithoutAddedSpaces() {
        TxtRecord record = TxtRecord.of("v=STSv1;", " id=", "2026");
        assertThat(record.strings()).containsExactly("v=STSv1;", " id=", "2026");
        assertThat(record.joined()).isEqualTo("v=STSv1; id=2026");
    }

    @Test
    void aRecordWithoutStringsIsRejected() {
        assertThatThrownBy(() -> new TxtRecord(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }

    @Test
    void theStringListCannotBeChangedFromOutside() {
        List<String> strings = new ArrayList<>(List.of("a", "b"));
        TxtRecord record = new TxtRecord(strings);
        strings.add("c");
        assertThat(record.strings()).containsExactly("a", "b");
    }

    @Property
    void joinedIsTheConcatenationOfTheStrings(@ForAll @Size(min = 1, max = 8) List<String> strings) {
        TxtRecord record = new TxtRecord(strings);
        assertThat(record.joined()).isEqualTo(String.join("", strings));
        assertThat(record.joined()).hasSize(strings.stream().mapToInt(String::length).sum());
    }
}
