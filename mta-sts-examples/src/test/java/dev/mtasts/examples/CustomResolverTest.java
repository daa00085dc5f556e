package dev.mtasts.examples;

import dev.mtasts.AddressPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.dns.DnsjavaResolver;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.MtaStsSandbox;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CustomResolverTest {

    @Test
    void aCachingResolverAnswersTheSecondValidationWithoutAskingDns() {
        try (MtaStsSandbox sandbox = MtaStsSandbox.start()) {
            Deployments.installAll(sandbox);
            CustomResolver.Caching cached = new CustomResolver.Caching(DnsjavaResolver.builder()
                    .nameserver(sandbox.dnsServer().address()).timeout(Duration.ofSeconds(1)).build(),
                    Duration.ofMinutes(5));
            Validator validator = MtaStsValidator.builder()
                    .resolver(cached)
                    .fetcher(sandbox.fetcher())
                    .addressPolicy(AddressPolicy.allowAll())
                    .build();

            ValidationReport first = validator.validate("enforce.good.test");
            int queries = sandbox.dnsServer().queryCount();
            ValidationReport second = validator.validate("enforce.good.test");

            assertThat(first.verdict()).isEqualTo(Verdict.ENFORCING);
            assertThat(second.verdict()).isEqualTo(Verdict.ENFORCING);
            assertThat(second.findings()).isEqualTo(first.findings());
            assertThat(queries).isPositive();
            assertThat(sandbox.dnsServer().queryCount()).as("no DNS query the second time").isEqualTo(queries);
            assertThat(cached.size()).isPositive();
        }
    }
}
