package dev.mtasts.internal.tls;

import dev.mtasts.fetcher.TlsFailureCategory;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Categorises a failed handshake from its cause chain.
 *
 * <p>Not API: exported only to the library's network modules; may change in any release.
 */
public final class TlsFailures {

    private TlsFailures() {
    }

    /**
     * A category, its words, and the chain the server presented when known.
     *
     * @param category why the handshake failed
     * @param detail   the reason in words
     * @param chain    the chain presented, leaf first; empty when unknown
     */
    public record Classified(TlsFailureCategory category, String detail, List<X509Certificate> chain) {
    }

    /**
     * @param failure what the handshake failed with
     * @return its category
     */
    public static Classified classify(Throwable failure) {
        Optional<CategorisedCertificateException> ours = find(failure, CategorisedCertificateException.class);
        if (ours.isPresent()) {
            return new Classified(ours.get().category(), ours.get().getMessage(), ours.get().chain());
        }
        // a caller's own SSLContext: the best the cause chain can tell
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return new Classified(TlsFailureCategory.EXPIRED, message(failure), List.of());
            }
            if (t instanceof CertificateNotYetValidException) {
                return new Classified(TlsFailureCategory.NOT_YET_VALID, message(failure), List.of());
            }
            if (t instanceof CertPathValidatorException) {
                CertPathValidatorException.Reason reason = ((CertPathValidatorException) t).getReason();
                if (reason == CertPathValidatorException.BasicReason.EXPIRED) {
                    return new Classified(TlsFailureCategory.EXPIRED, message(failure), List.of());
                }
                if (reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                    return new Classified(TlsFailureCategory.NOT_YET_VALID, message(failure), List.of());
                }
            }
        }
        if (find(failure, CertificateException.class).isPresent()
                || find(failure, CertPathValidatorException.class).isPresent()
                || find(failure, CertPathBuilderException.class).isPresent()) {
            return new Classified(TlsFailureCategory.UNTRUSTED, message(failure), List.of());
        }
        return new Classified(TlsFailureCategory.HANDSHAKE, message(failure), List.of());
    }

    /**
     * @param failure an exception
     * @return the messages of its cause chain, without repeats, about 300 characters at most
     */
    public static String message(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null && out.length() < 300; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && out.indexOf(m) < 0) {
                out.append(out.length() == 0 ? "" : ": ").append(m);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return out.length() == 0 ? failure.getClass().getSimpleName() : out.toString();
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
