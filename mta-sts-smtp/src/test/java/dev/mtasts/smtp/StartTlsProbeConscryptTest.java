package dev.mtasts.smtp;

import org.conscrypt.Conscrypt;

/**
 * Every case of {@link StartTlsProbeTest} again with Conscrypt (BoringSSL) speaking TLS after {@code STARTTLS}: the
 * same outcomes, failure categories and recorded chains, since only the protocol changes hands.
 */
class StartTlsProbeConscryptTest extends StartTlsProbeTest {

    @Override
    StartTlsProbe.Builder newBuilder() {
        return StartTlsProbe.builder().tlsProvider(Conscrypt.newProvider());
    }
}
