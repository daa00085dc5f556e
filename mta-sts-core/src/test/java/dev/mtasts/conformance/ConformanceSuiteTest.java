package dev.mtasts.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Guards the tables themselves: size, unique ids, and a rule and RFC section on every case. */
class ConformanceSuiteTest {

    private static List<String[]> allCases() {
        List<String[]> all = new ArrayList<>();
        PolicyConformanceTest.cases().forEach(c -> all.add(new String[] {"policy:" + c.id(), c.rule(), c.rfc()}));
        RecordConformanceTest.cases().forEach(c -> all.add(new String[] {
            (c.grammar() == RecordConformanceTest.STS ? "sts:" : "tlsrpt:") + c.id(), c.rule(), c.rfc()}));
        MxMatchingConformanceTest.cases().forEach(c -> all.add(new String[] {"mx:" + c.id(), c.rule(), c.rfc()}));
        RecordSelectionConformanceTest.cases().forEach(c -> all.add(new String[] {"select:" + c.id(), c.rule(), c.rfc()}));
        return all;
    }

    @Test
    void suiteHasAtLeast150Cases() {
        assertThat(allCases()).hasSizeGreaterThanOrEqualTo(150);
    }

    @Test
    void everyCaseHasAUniqueIdARuleIdAndAnRfcSection() {
        Set<String> ids = new HashSet<>();
        for (String[] c : allCases()) {
            assertThat(ids.add(c[0])).as("duplicate id %s", c[0]).isTrue();
            assertThat(c[1]).as("rule of %s", c[0]).matches("([A-I][0-9]{1,2})( [A-I][0-9]{1,2})*");
            assertThat(c[2]).as("RFC section of %s", c[0]).startsWith("RFC ");
        }
    }
}
