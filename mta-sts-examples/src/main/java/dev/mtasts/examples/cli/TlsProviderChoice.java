package dev.mtasts.examples.cli;

import java.security.Provider;
import java.util.Locale;
import java.util.Optional;
import org.conscrypt.Conscrypt;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --tls-provider}: who speaks TLS for the fetch and the probe. Conscrypt's native library loads on the
 * platforms its jar carries (Linux, macOS and Windows on x86-64, among others); {@code auto} falls back to the JDK
 * where it does not, {@code conscrypt} then refuses to run.
 */
enum TlsProviderChoice {
    /** Conscrypt where its native library loads, else the JDK. */
    AUTO,
    /** The JDK's own provider. */
    JDK,
    /** Conscrypt, or an error where it cannot load. */
    CONSCRYPT;

    /**
     * @return the provider to hand the fetcher and the probe; empty for the JDK's
     * @throws InputException when Conscrypt is asked for and cannot load here
     */
    Optional<Provider> provider() {
        switch (this) {
            case JDK:
                return Optional.empty();
            case CONSCRYPT:
                if (!conscryptLoads()) {
                    throw new InputException("--tls-provider conscrypt: Conscrypt's native library does not load on"
                            + " this platform (" + System.getProperty("os.name") + ", " + System.getProperty("os.arch")
                            + "); use --tls-provider jdk");
                }
                return Optional.of(withNativeSignatures(Conscrypt.newProvider()));
            default:
                return conscryptLoads() ? Optional.of(withNativeSignatures(Conscrypt.newProvider())) : Optional.empty();
        }
    }

    /** Conscrypt checks the certificates' ECDSA signatures too, not only the handshake's: see NativeSignatures. */
    private static Provider withNativeSignatures(Provider conscrypt) {
        NativeSignatures.prefer(conscrypt);
        return conscrypt;
    }

    private static boolean conscryptLoads() {
        try {
            return Conscrypt.isAvailable();
        } catch (LinkageError e) {
            return false;
        }
    }

    /** Reads {@code auto}, {@code jdk} or {@code conscrypt}, in any case. */
    static final class Converter implements ITypeConverter<TlsProviderChoice> {
        @Override
        public TlsProviderChoice convert(String value) {
            try {
                return TlsProviderChoice.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not auto, jdk or conscrypt");
            }
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
