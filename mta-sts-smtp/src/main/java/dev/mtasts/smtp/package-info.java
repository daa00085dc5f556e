/**
 * The default {@link dev.mtasts.probe.MxTlsProbe}: {@link dev.mtasts.smtp.StartTlsProbe}, SMTP {@code EHLO} and
 * {@code STARTTLS} to each address of an MX host and the certificate check of RFC 8461 §4.2, over the JDK's
 * non-blocking {@link java.nio.channels.AsynchronousSocketChannel} and {@link javax.net.ssl.SSLEngine}: no
 * dependency besides {@code mta-sts-core} and SLF4J, and no thread per probe.
 *
 * <p>Outbound port 25 is blocked on many home, office and cloud networks: there a probe ends in
 * {@code CONNECT_FAILED} with {@code connected == false}, which says "could not probe from here", not "this MX is
 * broken".
 *
 * <pre>{@code
 * MxTlsProbe probe = StartTlsProbe.builder().connectTimeout(Duration.ofSeconds(5)).build();
 * Validator checker = MtaStsValidator.builder().mxProbe(probe).build();
 * }</pre>
 *
 * @since 0.1.0
 */
package dev.mtasts.smtp;
