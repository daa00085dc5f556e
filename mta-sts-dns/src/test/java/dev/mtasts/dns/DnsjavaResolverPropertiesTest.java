package dev.mtasts.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.testkit.TestDnsServer;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any valid name gets an answer value, never an exception, with the name it was asked for. */
class DnsjavaResolverPropertiesTest {

    private static TestDnsServer dns;
    private static DnsjavaResolver resolver;

    @BeforeContainer
    static void start() {
        dns = TestDnsServer.start();
        dns.zone("example.com").txt("_mta-sts.example.com", "v=STSv1; id=1");
        resolver = DnsjavaResolverTest.resolverFor(dns, Duration.ofMillis(500), 0);
    }

    @AfterContainer
    static void stop() {
        dns.close();
    }

    @Property(tries = 150)
    void everyNameGetsAnAnswerAndNeverAnException(@ForAll("names") DomainName name) {
        TxtAnswer answer = DnsjavaResolverTest.await(resolver.txt(name));
        assertThat(answer.result().name()).isEqualTo(name);
        boolean inZone = name.isWithin(DomainName.of("example.com"));
        if (inZone) {
            assertThat(answer.outcome()).isIn(DnsOutcome.FOUND, DnsOutcome.NXDOMAIN, DnsOutcome.NODATA);
        } else {
            assertThat(answer.outcome()).isEqualTo(DnsOutcome.REFUSED);
        }
    }

    @Provide
    Arbitrary<DomainName> names() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789_")
                .ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> parent = Arbitraries.of("example.com", "example.org", "sub.example.com", "com");
        return label.list().ofMinSize(1).ofMaxSize(4).flatMap(labels -> parent.map(p -> {
            List<String> all = new java.util.ArrayList<>(labels);
            all.add(p);
            return DomainName.of(String.join(".", all));
        }));
    }
}
