/**
 * TLS-RPT aggregate reports (RFC 8460 §4): {@link dev.mtasts.tlsrpt.TlsRptReportParser} reads them from JSON, gzip
 * and saved e-mails, under limits that make hostile input cheap; {@link dev.mtasts.tlsrpt.TlsRptReports} holds a
 * set of them, summarises it per day, reporter and policy type, and computes the
 * {@link dev.mtasts.tlsrpt.TlsRptEvidence} for a domain: the {@link dev.mtasts.report.PromotionEvidence} that says
 * whether senders saw a clean run of days under the domain's {@code mode: testing} policy before it moves to
 * {@code enforce}.
 *
 * <p>Values are immutable records without nulls (absent fields are {@link java.util.Optional} or empty lists);
 * every public method refuses {@code null} with a {@link java.lang.NullPointerException} naming the parameter.
 *
 * <pre>{@code
 * // not run: needs a directory of TLS-RPT reports
 * TlsRptEvidence evidence = TlsRptReports.read(Path.of("reports")).evidenceFor(domain);
 * System.out.println(evidence.consecutiveCleanStsDays() + " clean days, reporters " + evidence.reporters());
 * }</pre>
 *
 * @since 0.1.0
 */
package dev.mtasts.tlsrpt;
