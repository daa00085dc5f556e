/**
 * The MX probe: the SPI through which the validator connects to each MX host over SMTP, asks for STARTTLS and
 * checks the certificate the way an MTA-STS sender does (RFC 8461 §4.2), and the values it answers with.
 *
 * <p>The default implementation is {@code StartTlsProbe} in the {@code mta-sts-smtp} module, found through its
 * {@link dev.mtasts.probe.MxTlsProbeFactory}.
 *
 * <pre>{@code
 * MxProbe probe = report.mxHosts().get(0).probe().orElseThrow();   // a validator with a probe
 * probe.outcome();   // STARTTLS_OK, or the worst outcome of its addresses
 * }</pre>
 *
 * @since 0.1.0
 */
package dev.mtasts.probe;
