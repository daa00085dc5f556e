package dev.mtasts.probe;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Settings any {@link MxTlsProbe} implementation understands, for code that cannot name the implementation (the
 * test sandbox configures the default probe through {@link MxTlsProbeFactory} without depending on
 * {@code mta-sts-smtp}). Each means what the builder option of the same name means on
 * {@code StartTlsProbe.Builder}; {@code factory.create(MxProbeSettings.defaults())} equals
 * {@code StartTlsProbe.builder().build()}. An immutable value.
 *
 * <pre>{@code
 * MxProbeSettings settings = MxProbeSettings.defaults()
 *         .withTrustedCertificates(List.of(root))   // a private CA's root, besides the JDK's
 *         .withPort(2525);
 * }</pre>
 *
 * @param trustedCertificates roots trusted in addition to the JDK's trust store
 * @param port                the SMTP port to connect to (25 in real life)
 * @since 0.1.0
 */
public record MxProbeSettings(List<X509Certificate> trustedCertificates, int port) {

    /** The SMTP port senders deliver to (RFC 5321 §4.5.4). */
    public static final int SMTP_PORT = 25;

    /** Validates and copies the components. */
    public MxProbeSettings {
        trustedCertificates = List.copyOf(Objects.requireNonNull(trustedCertificates, "trustedCertificates"));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, not " + port);
        }
    }

    /** @return the JDK's trust store only, port 25 */
    public static MxProbeSettings defaults() {
        return new MxProbeSettings(List.of(), SMTP_PORT);
    }

    /**
     * @param roots roots to trust in addition to the JDK's
     * @return a copy with those roots
     */
    public MxProbeSettings withTrustedCertificates(List<X509Certificate> roots) {
        Objects.requireNonNull(roots, "roots");
        return new MxProbeSettings(roots, port);
    }

    /**
     * @param port the SMTP port
     * @return a copy with that port
     */
    public MxProbeSettings withPort(int port) {
        return new MxProbeSettings(trustedCertificates, port);
    }
}
