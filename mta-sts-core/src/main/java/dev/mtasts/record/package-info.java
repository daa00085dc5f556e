/**
 * The two DNS TXT records: {@code _mta-sts.<domain>} ({@link dev.mtasts.record.StsRecord}, RFC 8461 §3.1) and
 * {@code _smtp._tls.<domain>} ({@link dev.mtasts.record.TlsRptRecord}, RFC 8460 §3), with their
 * {@link dev.mtasts.record.RecordExtension}s, and how the one record is picked out of every TXT record at a name
 * ({@link dev.mtasts.record.RecordSelection}).
 *
 * <p>Each record type is read the same two ways: {@code StsRecord.parse(text)} returns the record or throws a
 * {@link dev.mtasts.record.RecordParseException} with the column and reason of the first error, and
 * {@code StsRecord.lenient().parse(text)} (a {@link dev.mtasts.record.RecordParser}) never throws, returning a
 * {@link dev.mtasts.record.RecordParseResult} with the record when valid and every {@link dev.mtasts.Problem}.
 *
 * <pre>{@code
 * StsRecord sts = StsRecord.parse("v=STSv1; id=20260101T000000");
 * RecordParseResult<TlsRptRecord> rpt = TlsRptRecord.lenient().parse("v=TLSRPTv1; rua=mailto:tls@example.com");
 *
 * RecordSelection<StsRecord> s = StsRecord.select(List.of(List.of("v=spf1 -all"), List.of("v=STSv1; id=1")));
 * s.status();      // FOUND
 * s.discarded();   // records meant as MTA-STS records but discarded, such as "id=1; v=STSv1"
 * }</pre>
 *
 * <p>Every type here is immutable and thread-safe. No method accepts or returns {@code null}: a {@code null} argument
 * is refused with a {@link NullPointerException} naming the parameter, and absent values are
 * {@link java.util.Optional} or empty lists.
 *
 * @since 0.1.0
 */
package dev.mtasts.record;
