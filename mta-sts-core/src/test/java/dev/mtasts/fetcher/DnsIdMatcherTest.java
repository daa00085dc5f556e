package dev.mtasts.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnsIdMatcherTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
        "mta-sts.example.com, mta-sts.example.com, true",
        "MTA-STS.Example.COM, mta-sts.example.com, true",
        "mta-sts.example.com., mta-sts.example.com, true",
        "*.example.com, mta-sts.example.com, true",
        "*.example.com, a.b.example.com, false",
        "*.example.com, example.com, false",
        "f*.example.com, foo.example.com, false",
        "*oo.example.com, foo.example.com, false",
        "a.*.example.com, a.b.example.com, false",
        "*.com, example.com, false",
        "*.*.example.com, a.b.example.com, false",
        "www.example.com, mta-sts.example.com, false",
        "example.com, mta-sts.example.com, false",
        "*, example.com, false",
    })
    void dnsIdMatchesPerRfc6125(String presented, String host, boolean expected) {
        assertThat(DnsIdMatcher.matches(presented, DomainName.of(host))).isEqualTo(expected);
    }
}
