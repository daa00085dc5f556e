package dev.mtasts.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.DomainName;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxtAnswerTest {

    private static final DomainName NAME = DomainName.of("_mta-sts.example.com");
    private static final DnsResult FOUND = DnsResult.of(NAME, DnsOutcome.FOUND);

    @Test
    void joinedGivesOneStringPerRecord() {
        TxtAnswer answer = new TxtAnswer(FOUND, List.of(
                TxtRecord.of("v=spf1 ", "-all"),
                TxtRecord.of("v=STSv1; ", "id=1")));
        assertThat(answer.joined()).containsExactly("v=spf1 -all", "v=STSv1; id=1");
        assertThat(answer.isFound()).isTrue();
    }

    @Test
    void anEmptyAnswerCarriesItsOutcome() {
        TxtAnswer answer = TxtAnswer.empty(DnsResult.failure(DomainName.of("example.com"), DnsOutcome.TIMEOUT, "no reply"));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.TIMEOUT);
        assertThat(answer.records()).isEmpty();
        assertThat(answer.joined()).isEmpty();
        assertThat(answer.result().detail()).contains("no reply");
    }

    @Test
    void foundMakesOneRecordOfOneStringPerArgumentInOrder() {
        TxtAnswer answer = TxtAnswer.found(NAME, "v=STSv1; id=1", "v=spf1 -all");

        assertThat(answer).isEqualTo(new TxtAnswer(FOUND, List.of(TxtRecord.of("v=STSv1; id=1"),
                TxtRecord.of("v=spf1 -all"))));
        assertThat(answer.result()).isEqualTo(DnsResult.of(NAME, DnsOutcome.FOUND));
    }

    @Test
    void foundWithWholeRecordsKeepsEachRecordsStrings() {
        TxtAnswer answer = TxtAnswer.found(NAME, List.of(TxtRecord.of("v=STSv1; ", "id=1")));

        assertThat(answer.records()).containsExactly(TxtRecord.of("v=STSv1; ", "id=1"));
        assertThat(answer.joined()).containsExactly("v=STSv1; id=1");
    }

    @Test
    void foundWithoutRecordsIsRefusedAndPointsToNodata() {
        assertThatThrownBy(() -> TxtAnswer.found(NAME)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one record").hasMessageContaining("nodata");
        assertThatThrownBy(() -> TxtAnswer.found(NAME, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullRecordIsRefusedByItsPosition() {
        assertThatThrownBy(() -> TxtAnswer.found(NAME, "v=STSv1; id=1", null))
                .isInstanceOf(NullPointerException.class).hasMessage("records[1]");
        assertThatThrownBy(() -> TxtAnswer.found(NAME, java.util.Arrays.asList(TxtRecord.of("x"), null)))
                .isInstanceOf(NullPointerException.class).hasMessage("records[1]");
    }

    @Test
    void nxdomainAndNodataHaveNoRecords() {
        assertThat(TxtAnswer.nxdomain(NAME)).isEqualTo(TxtAnswer.empty(DnsResult.of(NAME, DnsOutcome.NXDOMAIN)));
        assertThat(TxtAnswer.nodata(NAME)).isEqualTo(TxtAnswer.empty(DnsResult.of(NAME, DnsOutcome.NODATA)));
    }

    @Test
    void failureCarriesItsOutcomeAndDetail() {
        TxtAnswer answer = TxtAnswer.failure(NAME, DnsOutcome.SERVFAIL, "SERVFAIL from 192.0.2.53");

        assertThat(answer.outcome()).isEqualTo(DnsOutcome.SERVFAIL);
        assertThat(answer.records()).isEmpty();
        assertThat(answer.result().detail()).contains("SERVFAIL from 192.0.2.53");
    }

    @Test
    void failureWithAnAnswerOutcomeIsRefusedAndNamesTheFactoryToUse() {
        assertThatThrownBy(() -> TxtAnswer.failure(NAME, DnsOutcome.NXDOMAIN, "gone"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nxdomain(...)");
        assertThatThrownBy(() -> TxtAnswer.failure(NAME, DnsOutcome.FOUND, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found(...)");
    }
}
