package dev.mtasts.dns;

import static dev.mtasts.dns.DnsjavaResolverTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.testkit.DnsFault;
import dev.mtasts.testkit.TestDnsServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CNAME chains, whether the server follows them or leaves them to the resolver; loops and long chains. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CnameFollowingTest {

    private TestDnsServer dns;
    private DnsjavaResolver resolver;

    @BeforeEach
    void start() {
        dns = TestDnsServer.start();
        dns.zone("example.com")
                .ttl(Duration.ofSeconds(600))
                .cname("_mta-sts.example.com", "_mta-sts.sts.example.com")
                .ttl(Duration.ofSeconds(120))
                .txt("_mta-sts.sts.example.com", "v=STSv1; id=1")
                .ttl(Duration.ofSeconds(300))
                .cname("mta-sts.example.com", "policy.hosting.example.net")
                .cname("dangling.example.com", "missing.example.com")
                .cname("loop1.example.com", "loop2.example.com")
                .cname("loop2.example.com", "loop3.example.com")
                .cname("loop3.example.com", "loop1.example.com")
                .cname("away.example.com", "hop.example.net");
        dns.zone("example.net")
                .a("policy.hosting.example.net", "192.0.2.80")
                .cname("hop.example.net", "back.example.com");
        dns.zone("example.com").txt("back.example.com", "came back");
        resolver = DnsjavaResolverTest.resolverFor(dns, Duration.ofMillis(500), 0);
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void aChainTheServerFollowedIsReadFromOneReply() {
        TxtAnswer answer = await(resolver.txt(DomainName.of("_mta-sts.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.joined()).containsExactly("v=STSv1; id=1");
        assertThat(answer.result().cnameChain()).containsExactly(DomainName.of("_mta-sts.sts.example.com"));
        assertThat(answer.result().canonicalName()).isEqualTo(DomainName.of("_mta-sts.sts.example.com"));
        assertThat(answer.result().ttl()).as("the lowest TTL along the chain").isEqualTo(Duration.ofSeconds(120));
        assertThat(dns.queryCount()).isEqualTo(1);
    }

    @Test
    void aChainIntoAnotherZoneIsFollowedByTheResolver() {
        AddressAnswer answer = await(resolver.addresses(DomainName.of("mta-sts.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.addresses()).extracting(a -> a.getHostAddress()).containsExactly("192.0.2.80");
        assertThat(answer.result().cnameChain()).containsExactly(DomainName.of("policy.hosting.example.net"));
    }

    @Test
    void aChainAcrossZonesAndBackIsFollowedToTheEnd() {
        TxtAnswer answer = await(resolver.txt(DomainName.of("away.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.joined()).containsExactly("came back");
        assertThat(answer.result().cnameChain())
                .containsExactly(DomainName.of("hop.example.net"), DomainName.of("back.example.com"));
    }

    @Test
    void aCnameToAMissingNameIsNxdomainWithTheChain() {
        TxtAnswer answer = await(resolver.txt(DomainName.of("dangling.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.NXDOMAIN);
        assertThat(answer.result().cnameChain()).containsExactly(DomainName.of("missing.example.com"));
    }

    @Test
    void aCnameIntoAnotherZoneThatEndsInNxdomainKeepsTheWholeChain() {
        dns.zone("example.com").cname("_mta-sts.gone.example.com", "gone.sts.example.net")
                .cname("mta-sts.gone.example.com", "gone-host.example.net");

        TxtAnswer txt = await(resolver.txt(DomainName.of("_mta-sts.gone.example.com")));
        AddressAnswer host = await(resolver.addresses(DomainName.of("mta-sts.gone.example.com")));

        assertThat(txt.outcome()).isEqualTo(DnsOutcome.NXDOMAIN);
        assertThat(txt.result().cnameChain()).containsExactly(DomainName.of("gone.sts.example.net"));
        assertThat(host.outcome()).isEqualTo(DnsOutcome.NXDOMAIN);
        assertThat(host.result().cnameChain()).containsExactly(DomainName.of("gone-host.example.net"));
    }

    @Test
    void aCnameThatEndsAtANameWithoutTheTypeIsNodataWithTheChain() {
        dns.zone("example.com").cname("_mta-sts.web.example.com", "policy.hosting.example.net")
                .cname("_mta-sts.in.example.com", "www.example.com").a("www.example.com", "192.0.2.81");

        TxtAnswer across = await(resolver.txt(DomainName.of("_mta-sts.web.example.com")));
        TxtAnswer within = await(resolver.txt(DomainName.of("_mta-sts.in.example.com")));

        assertThat(across.outcome()).isEqualTo(DnsOutcome.NODATA);
        assertThat(across.result().cnameChain()).containsExactly(DomainName.of("policy.hosting.example.net"));
        assertThat(within.outcome()).isEqualTo(DnsOutcome.NODATA);
        assertThat(within.result().cnameChain()).containsExactly(DomainName.of("www.example.com"));
    }

    @Test
    void aCnameLoopIsDetectedAndReportedAsServfail() {
        TxtAnswer answer = await(resolver.txt(DomainName.of("loop1.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.SERVFAIL);
        assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d)
                .contains("CNAME loop").contains("loop1.example.com -> loop2.example.com -> loop3.example.com"));
        assertThat(dns.queryCount()).as("the loop is seen in one reply").isEqualTo(1);
    }

    @Test
    void aChainLongerThanTheLimitIsServfail() {
        var zone = dns.zone("example.com");
        for (int i = 0; i < 5; i++) {
            zone.cname("c" + i + ".example.com", "c" + (i + 1) + ".example.com");
        }
        zone.txt("c5.example.com", "end");
        DnsjavaResolver strict = DnsjavaResolver.builder().nameserver(dns.host(), dns.port())
                .timeout(Duration.ofMillis(500)).maxCnames(3).build();
        TxtAnswer answer = await(strict.txt(DomainName.of("c0.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.SERVFAIL);
        assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d).contains("longer than 3"));
        assertThat(await(resolver.txt(DomainName.of("c0.example.com"))).joined()).containsExactly("end");
    }

    @Test
    void aFailureAtTheEndOfTheChainKeepsTheChain() {
        dns.fault("policy.hosting.example.net", DnsFault.servfail());
        AddressAnswer answer = await(resolver.addresses(DomainName.of("mta-sts.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.SERVFAIL);
        assertThat(answer.result().cnameChain()).isEqualTo(List.of(DomainName.of("policy.hosting.example.net")));
    }
}
