package dev.mtasts.http;

import java.util.Optional;
import org.conscrypt.Conscrypt;
import org.junit.jupiter.api.BeforeAll;

/** Every hostile server of {@link HttpsPolicyFetcherHostileTest} again with Conscrypt speaking TLS: still bounded. */
class HttpsPolicyFetcherHostileConscryptTest extends HttpsPolicyFetcherHostileTest {

    @BeforeAll
    static void start() throws Exception {
        fixture = new FetcherFixture(Optional.of(Conscrypt.newProvider()));
        fetcher = fixture.fetcherBuilder().plainHttpDiagnostic(false).build();
    }
}
