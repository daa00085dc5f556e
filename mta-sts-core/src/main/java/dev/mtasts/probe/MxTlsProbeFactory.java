package dev.mtasts.probe;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Creates an {@link MxTlsProbe} from {@link MxProbeSettings}. A probe module registers one in
 * {@code META-INF/services/dev.mtasts.probe.MxTlsProbeFactory} ({@code mta-sts-smtp} does). A validator built
 * without {@code mxProbe(...)} or {@code noMxProbe()} uses {@code create(MxProbeSettings.defaults())} when a factory
 * is on the class path, and probes nothing when none is. Implementations must be thread-safe.
 *
 * <pre>{@code
 * Optional<MxTlsProbe> probe = MxTlsProbeFactory.fromServiceLoader()
 *         .map(factory -> factory.create(MxProbeSettings.defaults().withPort(2525)));
 * Validator custom = MtaStsValidator.builder().mxProbe(probe.orElseThrow()).build();
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MxTlsProbeFactory {

    /**
     * @param settings the port and the trust
     * @return a probe with those settings
     */
    MxTlsProbe create(MxProbeSettings settings);

    /** @return the first factory registered on the class path of this interface's class loader */
    static Optional<MxTlsProbeFactory> fromServiceLoader() {
        return ServiceLoader.load(MxTlsProbeFactory.class, MxTlsProbeFactory.class.getClassLoader()).findFirst();
    }
}
