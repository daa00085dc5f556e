/**
 * An MTA-STS world on loopback, for tests and the demo: an authoritative DNS server ({@link
 * dev.mtasts.testkit.TestDnsServer}), an HTTPS and plain-HTTP policy server that picks its certificate by SNI
 * ({@link dev.mtasts.testkit.TestHttpsServer}), SMTP servers for the MX hosts, one port on many loopback addresses
 * with a {@link dev.mtasts.testkit.SmtpBehaviour} each ({@link dev.mtasts.testkit.TestSmtpServer}), a throw-away
 * certificate authority ({@link dev.mtasts.testkit.TestCertificateAuthority}), DNS faults, and {@link
 * dev.mtasts.testkit.MtaStsSandbox}, which runs them together; {@link dev.mtasts.testkit.Deployments} are
 * ready-made good and broken domains, and {@link dev.mtasts.testkit.MtaStsSandboxExtension} gives JUnit 5 tests a
 * sandbox reset before each test.
 *
 * @since 0.1.0
 */
package dev.mtasts.testkit;
