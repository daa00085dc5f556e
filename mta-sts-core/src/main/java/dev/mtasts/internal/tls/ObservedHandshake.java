package dev.mtasts.internal.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLEngine;

/**
 * A client engine whose handshake completes whatever chain the server presents, with what its trust manager
 * recorded: the chain and the configured trust manager's verdict on it (made from {@link TlsSetup#observingEngine}).
 * Read {@link #chain()} and {@link #refusal()} after the handshake, or after it failed.
 *
 * <p>Not API: exported only to the library's network modules; may change in any release.
 */
public final class ObservedHandshake {

    private final SSLEngine engine;
    private final RecordingTrustManager recorder;

    ObservedHandshake(SSLEngine engine, RecordingTrustManager recorder) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /** @return the engine, in client mode, before its handshake */
    public SSLEngine engine() {
        return engine;
    }

    /** @return the chain the server presented, leaf first; empty when the handshake did not get that far */
    public List<X509Certificate> chain() {
        return recorder.chain();
    }

    /** @return true once the server's chain arrived and was checked */
    public boolean chainChecked() {
        return recorder.checked();
    }

    /**
     * @return why the configured trust manager refused the chain, categorised ({@code UNTRUSTED}, {@code EXPIRED},
     *         {@code NOT_YET_VALID}); empty when it trusted the chain or no chain came
     */
    public Optional<CategorisedCertificateException> refusal() {
        return recorder.refusal();
    }
}
