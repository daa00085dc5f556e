/**
 * mta-sts-smtp: {@link dev.mtasts.smtp.StartTlsProbe}, the default {@link dev.mtasts.probe.MxTlsProbe}: SMTP
 * {@code EHLO} and {@code STARTTLS} to each address of an MX host, and the certificate check of RFC 8461 §4.2.
 *
 * <p>Registered for {@link java.util.ServiceLoader} both here ({@code provides}) and in
 * {@code META-INF/services}, so the validator finds it on the module path and on the class path alike.
 */
module dev.mtasts.smtp {
    requires transitive dev.mtasts;
    requires org.slf4j;

    exports dev.mtasts.smtp;

    provides dev.mtasts.probe.MxTlsProbeFactory with dev.mtasts.smtp.StartTlsProbeFactory;
}
