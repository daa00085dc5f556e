package dev.mtasts.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DomainQueryTest {

    @Test
    void aTypedDomainIsTrimmedLowerCasedAndTurnedIntoItsALabel() {
        assertThat(DomainQuery.parse("domain=+Example.COM+").value()).isEqualTo("example.com");
        assertThat(DomainQuery.parse("x=1&domain=b%C3%BCcher.example").value()).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void aMailAddressOrAWebAddressGetsAHint() {
        assertThatThrownBy(() -> DomainQuery.parse("domain=me%40example.com"))
                .hasMessageContaining("the part after @");
        assertThatThrownBy(() -> DomainQuery.parse("domain=https://example.com"))
                .hasMessageContaining("not a web address");
    }

    @Test
    void aMissingEmptyDoubledOrMisencodedDomainIsA400() {
        for (String query : new String[] {null, "", "domain", "domain=", "domain=a&domain=b", "domain=%G0",
                "domain=" + "a".repeat(3000)}) {
            assertThatThrownBy(() -> DomainQuery.parse(query)).as(String.valueOf(query))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Test
    void markupIsNotADomain() {
        assertThatThrownBy(() -> DomainQuery.parse("domain=%3Cscript%3E"))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("Not a domain name:");
    }
}
