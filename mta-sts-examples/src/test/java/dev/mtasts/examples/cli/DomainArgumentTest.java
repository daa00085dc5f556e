package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What people type for a domain, recognised and answered with the domain name to give instead. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DomainArgumentTest {

    @Test
    void aUrlIsNamedAndItsHostSuggested() {
        assertRefused("http://example.com/", "'http://example.com/' is a URL: give the domain name, for example"
                + " example.com");
        assertRefused("https://example.com/path", "'https://example.com/path' is a URL: give the domain name, for"
                + " example example.com");
        assertRefused("HTTPS://Mail.Example.ORG:8443/x?y#z", "is a URL: give the domain name, for example"
                + " mail.example.org");
        assertRefused("https://user:secret@example.net", "is a URL: give the domain name, for example example.net");
        assertRefused("https://bücher.example/", "for example bücher.example");
        assertRefused("example.com/path", "'example.com/path' is a URL: give the domain name, for example"
                + " example.com");
    }

    @Test
    void aUrlWithoutADomainSuggestsTheGenericExample() {
        assertRefused("http://192.0.2.1/", "is a URL: give the domain name, for example example.com");
        assertRefused("http://[2001:db8::1]:80/", "is a URL: give the domain name, for example example.com");
    }

    @Test
    void anEmailAddressIsNamedAndItsDomainSuggested() {
        assertRefused("mailto:a@example.com", "'mailto:a@example.com' is an e-mail address: give the domain name,"
                + " for example example.com");
        assertRefused("user@example.com", "'user@example.com' is an e-mail address: give the domain name, for"
                + " example example.com");
        assertRefused("mailto:tls@reports.example?subject=x", "for example reports.example");
    }

    @Test
    void aHostWithAPortIsNamedAndTheHostSuggested() {
        assertRefused("example.com:25", "'example.com:25' has a port: give the domain name alone, for example"
                + " example.com");
        assertRefused("mx1.example.com.:587", "for example mx1.example.com");
    }

    @Test
    void ipAddressesAreNamedAsSuch() {
        assertRefused("192.0.2.1:25", "'192.0.2.1:25' is an IP address and a port, not a domain name");
        assertRefused("[::1]", "'[::1]' is an IP address, not a domain name");
        assertRefused("2001:db8::1", "'2001:db8::1' is an IP address, not a domain name");
    }

    @Test
    void noColonEverGetsTheIpLiteralOrPortMessage() {
        for (String text : new String[] {"mx:mx1.example.com", "_apt:x:1", "example.com:", "a:b"}) {
            assertThatThrownBy(() -> DomainArgument.parse(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("IP address literal or has a port");
        }
        assertRefused("mx:mx1.example.com", "contains ':', which a domain name cannot: give the domain name alone,"
                + " for example mx1.example.com");
    }

    @Test
    void aLeadingDashSaysWhatIsWrong() {
        assertRefused("-bad.com", "'-bad.com' is not a valid domain name: a label cannot start with '-'");
    }

    @Test
    void anythingElseIsTheDomainNamesToJudge() {
        assertRefused("not a domain", "contains whitespace");
        assertRefused("a..b.test", "has an empty label");
        assertThat(DomainArgument.mistake("a..b.test")).isEmpty();
    }

    @Test
    void domainNamesPass() {
        assertThat(DomainArgument.parse("Example.COM.").value()).isEqualTo("example.com");
        assertThat(DomainArgument.parse("bücher.example").value()).isEqualTo("xn--bcher-kva.example");
        assertThat(DomainArgument.parse("a_b.odd.test").value()).isEqualTo("a_b.odd.test");
        assertThat(DomainArgument.mistake("mx-1.example.com")).isEmpty();
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> DomainArgument.parse(text)).as(text)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
