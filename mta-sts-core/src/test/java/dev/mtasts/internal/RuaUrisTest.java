package dev.mtasts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RuaUrisTest {

    @Test
    void theDomainOfAMailboxIsItsLastAtPartWithoutHeaderFields() {
        assertThat(RuaUris.mailtoDomain(URI.create("mailto:tls@Example.COM?subject=tls")))
                .contains(DomainName.of("example.com"));
        assertThat(RuaUris.mailtoDomain(URI.create("mailto:%22a@b%22@reports.example.net")))
                .contains(DomainName.of("reports.example.net"));
        assertThat(RuaUris.mailtoDomain(URI.create("mailto:tls@example%2Ecom"))).contains(DomainName.of("example.com"));
    }

    @Test
    void addressLiteralsAndOtherSchemesHaveNoName() {
        assertThat(RuaUris.mailtoDomain(URI.create("mailto:tls@[192.0.2.1]"))).isEmpty();
        assertThat(RuaUris.mailtoDomain(URI.create("https://example.com/"))).isEmpty();
        assertThat(RuaUris.httpsHost(URI.create("https://192.0.2.1/tls"))).isEmpty();
        assertThat(RuaUris.httpsHost(URI.create("https://[2001:db8::1]/tls"))).isEmpty();
        assertThat(RuaUris.httpsHost(URI.create("mailto:tls@example.com"))).isEmpty();
    }

    @Test
    void theHostOfAnEndpointLosesUserAndPort() {
        assertThat(RuaUris.httpsHost(URI.create("https://u@Reports.example.net:8443/tls")))
                .contains(DomainName.of("reports.example.net"));
    }

    @Test
    void theTargetIsThePathAndQueryAsWritten() {
        assertThat(RuaUris.httpsTarget(URI.create("https://r.example.net"))).isEqualTo("/");
        assertThat(RuaUris.httpsTarget(URI.create("https://r.example.net/a%2Cb?k=v"))).isEqualTo("/a%2Cb?k=v");
    }
}
