package dev.mtasts.smtp;

import dev.mtasts.probe.MxProbeSettings;
import dev.mtasts.probe.MxTlsProbeFactory;
import java.util.Objects;

/**
 * Creates {@link StartTlsProbe}s from {@link MxProbeSettings}; registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.mtasts.probe.MxTlsProbeFactory} and by {@code provides} in the module descriptor,
 * so that the validator (and the test sandbox) configure the default probe without naming this module.
 *
 * <p>Each setting maps to the builder option of the same meaning and every other option keeps its builder default:
 * {@code trustedCertificates} (roots trusted in addition to the JDK's trust store) to
 * {@link StartTlsProbe.Builder#trustedCertificates}, {@code port} to {@link StartTlsProbe.Builder#port}. So
 * {@code create(MxProbeSettings.defaults())} equals {@code StartTlsProbe.builder().build()}. The time a probe may
 * take comes with each request.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * MxTlsProbe probe = new StartTlsProbeFactory().create(MxProbeSettings.defaults()
 *         .withTrustedCertificates(List.of(root)).withPort(2525));
 * // equals StartTlsProbe.builder().trustedCertificates(List.of(root)).port(2525).build()
 * }</pre>
 *
 * @since 0.1.0
 */
public final class StartTlsProbeFactory implements MxTlsProbeFactory {

    /** For {@link java.util.ServiceLoader}. */
    public StartTlsProbeFactory() {
    }

    /**
     * @param settings trust and port
     * @return a {@link StartTlsProbe} with those settings and every other builder default
     */
    @Override
    public StartTlsProbe create(MxProbeSettings settings) {
        Objects.requireNonNull(settings, "settings");
        StartTlsProbe.Builder builder = StartTlsProbe.builder().port(settings.port());
        if (!settings.trustedCertificates().isEmpty()) {
            builder.trustedCertificates(settings.trustedCertificates());
        }
        return builder.build();
    }
}
