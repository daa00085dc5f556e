package dev.mtasts.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxtAnswerTest {

    private static final DnsResult FOUND = DnsResult.of(DomainName.of("_mta-sts.example.com"), DnsOutcome.FOUND);

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
}
