package dev.mtasts.tlsrpt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads TLS-RPT aggregate reports (RFC 8460 §4): JSON ({@code application/tlsrpt+json}, {@code .json}), gzip
 * compressed JSON ({@code application/tlsrpt+gzip}, {@code .json.gz}), and saved e-mails ({@code .eml}: the report
 * as an attachment, usually base64, of a {@code multipart/report} message, RFC 8460 §5.3). Immutable and
 * thread-safe; {@link #defaults()} is shared.
 *
 * <p><b>What is checked.</b> The required fields are {@code organization-name}, {@code date-range} with
 * {@code start-datetime} and {@code end-datetime}, {@code report-id}, {@code policies}, and per policy
 * {@code policy.policy-type}, {@code policy.policy-domain} (a valid domain name), {@code summary} with
 * {@code total-successful-session-count} and {@code total-failure-session-count}, and per failure detail
 * {@code result-type} and {@code failed-session-count}. Counts are whole numbers, 0 or more; text fields are
 * strings; the end of the date range is not before its start, and the range is at most 366 days. Anything else
 * fails with a {@link TlsRptParseException} naming the report and the JSON path of the field.
 *
 * <p><b>What is accepted</b>, because the big senders publish it: date-times with or without fractional seconds,
 * with {@code Z}, {@code +00:00} or {@code +0000}, and without an offset (read as UTC); {@code contact-info} left
 * out; {@code policy-string} or {@code mx-host} as a lone string instead of a list; fields this library does not
 * know (ignored); a result or policy type of no RFC (kept as {@code UNKNOWN} with its text).
 *
 * <p><b>Limits</b>, so that a hostile input costs little: at most {@link #maxInputBytes()} bytes are read (10 MiB
 * by default), of a file, a stream, an e-mail or one attachment; gzip data is inflated to at most
 * {@link #maxInflatedBytes()} (16 MiB by default), and inflation stops at the first byte beyond, so a gzip bomb
 * is refused after reading that much; JSON is read with Jackson's {@code StreamReadConstraints}: nesting at most
 * 32 deep, strings at most 1 MiB, numbers at most 64 digits, duplicate field names refused; e-mail parts nest at
 * most 16 deep.
 *
 * <pre>{@code
 * TlsRptReportParser parser = TlsRptReportParser.builder()
 *         .maxInputBytes(1024 * 1024)          // default 10 MiB
 *         .maxInflatedBytes(4 * 1024 * 1024)   // default 16 MiB
 *         .build();
 * byte[] json = """
 *     {"organization-name": "Microsoft Corporation",
 *      "date-range": {"start-datetime": "2026-11-20T00:00:00Z", "end-datetime": "2026-11-20T23:59:59Z"},
 *      "contact-info": "tlsrpt-noreply@microsoft.com", "report-id": "133456789012345678+example.com",
 *      "policies": [{"policy": {"policy-type": "sts", "policy-domain": "example.com",
 *                               "mx-host": ["mx1.example.com"]},
 *                    "summary": {"total-successful-session-count": 7, "total-failure-session-count": 1},
 *                    "failure-details": [{"result-type": "certificate-expired",
 *                                         "receiving-mx-hostname": "mx1.example.com",
 *                                         "failed-session-count": 1}]}]}
 *     """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
 * List<TlsRptReport> read = parser.parse(json, "microsoft.json"); // JSON, gzip or e-mail: told by the content
 * assertThat(read.get(0).policies().get(0).failureDetails().get(0).resultType())
 *         .isEqualTo(ResultType.CERTIFICATE_EXPIRED);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TlsRptReportParser {

    /** The default {@link Builder#maxInputBytes(long)}: 10 MiB. */
    public static final long DEFAULT_MAX_INPUT_BYTES = 10L * 1024 * 1024;
    /** The default {@link Builder#maxInflatedBytes(long)}: 16 MiB. */
    public static final long DEFAULT_MAX_INFLATED_BYTES = 16L * 1024 * 1024;

    private static final TlsRptReportParser DEFAULTS = builder().build();

    private final long maxInputBytes;
    private final long maxInflatedBytes;
    private final JsonReportReader json;
    private final EmailReportReader email;

    private TlsRptReportParser(Builder builder) {
        this.maxInputBytes = builder.maxInputBytes;
        this.maxInflatedBytes = builder.maxInflatedBytes;
        this.json = new JsonReportReader(Math.max(maxInputBytes, maxInflatedBytes));
        this.email = new EmailReportReader(this);
    }

    /** @return the parser with the default limits */
    public static TlsRptReportParser defaults() {
        return DEFAULTS;
    }

    /** @return a builder with the default limits */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the most bytes read of one input or attachment */
    public long maxInputBytes() {
        return maxInputBytes;
    }

    /** @return the most bytes gzip data is inflated to */
    public long maxInflatedBytes() {
        return maxInflatedBytes;
    }

    /**
     * Reads one report from its JSON (UTF-8, a byte order mark allowed).
     *
     * @param json   the JSON text
     * @param source what the bytes are, for messages: a file name, a URL
     * @return the report
     * @throws TlsRptParseException when the bytes are not a report, naming the field at fault
     */
    public TlsRptReport parseJson(byte[] json, String source) throws TlsRptParseException {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(source, "source");
        checkInputSize(json.length, source);
        return this.json.read(json, source);
    }

    /**
     * Reads one report from gzip compressed JSON, inflating at most {@link #maxInflatedBytes()}.
     *
     * @param gzip   the gzip data
     * @param source what the bytes are, for messages: a file name, a URL
     * @return the report
     * @throws TlsRptParseException when the bytes are not gzip, inflate beyond the limit or are not a report
     */
    public TlsRptReport parseGzip(byte[] gzip, String source) throws TlsRptParseException {
        Objects.requireNonNull(gzip, "gzip");
        Objects.requireNonNull(source, "source");
        checkInputSize(gzip.length, source);
        byte[] inflated;
        try {
            inflated = Bounded.gunzip(gzip, maxInflatedBytes);
        } catch (LimitExceededException e) {
            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(), e.getMessage()
                    + " (a gzip bomb, or a report too large for this parser)", Optional.of(e));
        } catch (IOException e) {
            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(),
                    "not valid gzip data: " + e.getMessage(), Optional.of(e));
        }
        return this.json.read(inflated, source);
    }

    /**
     * Reads the reports attached to a saved e-mail (RFC 5322 with MIME; RFC 8460 §5.3).
     *
     * @param message the message, headers and body
     * @param source  what the bytes are, for messages: a file name
     * @return the reports, in the order of their attachments: at least one
     * @throws TlsRptParseException when the message has no report, or one of its reports is not readable (the
     *                              source then names the attachment: {@code mail.eml > report.json.gz})
     */
    public List<TlsRptReport> parseEmail(byte[] message, String source) throws TlsRptParseException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
        checkInputSize(message.length, source);
        return List.copyOf(email.read(message, source));
    }

    /**
     * Reads the reports in bytes of any of the three forms, told apart by their content: gzip by its magic
     * number, JSON by a first character {@code {}, anything else as an e-mail.
     *
     * @param content the bytes
     * @param source  what the bytes are, for messages: a file name
     * @return the reports: one for JSON and gzip, at least one for an e-mail
     * @throws TlsRptParseException when the bytes are not a report, or hold one that is not readable
     */
    public List<TlsRptReport> parse(byte[] content, String source) throws TlsRptParseException {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
        if (content.length == 0) {
            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(), "is empty",
                    Optional.empty());
        }
        if (isGzip(content) || isJson(content)) {
            return List.of(parseJsonOrGzip(content, source));
        }
        return parseEmail(content, source);
    }

    /**
     * Reads the reports of a stream, at most {@link #maxInputBytes()} of it; see {@link #parse(byte[], String)}.
     *
     * @param in     the stream, read to its end (or just beyond the limit), not closed
     * @param source what the stream is, for messages
     * @return the reports
     * @throws TlsRptParseException when the stream cannot be read, is too large, or is not a report
     */
    public List<TlsRptReport> read(InputStream in, String source) throws TlsRptParseException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        byte[] content;
        try {
            content = Bounded.readAtMost(in, maxInputBytes, "the input");
        } catch (LimitExceededException e) {
            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(), e.getMessage(),
                    Optional.of(e));
        } catch (IOException e) {
            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(), "could not be read: " + e,
                    Optional.of(e));
        }
        return parse(content, source);
    }

    /**
     * Reads the reports of a file, at most {@link #maxInputBytes()} of it, whatever its name: the content tells
     * JSON, gzip and e-mail apart. The source in messages is the file's path.
     *
     * @param file the file
     * @return the reports
     * @throws TlsRptParseException when the file cannot be read, is too large, or is not a report
     */
    public List<TlsRptReport> read(Path file) throws TlsRptParseException {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        try {
            if (Files.size(file) > maxInputBytes) {
                throw new TlsRptParseException(source, Optional.empty(), Optional.empty(), "the file is larger"
                        + " than the limit of " + Bounded.describe(maxInputBytes), Optional.empty());
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, source);
            }
        } catch (NoSuchFileException e) {
            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(), "no such file",
                    Optional.of(e));
        } catch (IOException e) {
            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(), "could not be read: " + e,
                    Optional.of(e));
        }
    }

    /** JSON or gzip, told apart by the content: what a report attachment of any label holds. */
    TlsRptReport parseJsonOrGzip(byte[] content, String source) throws TlsRptParseException {
        return isGzip(content) ? parseGzip(content, source) : parseJson(content, source);
    }

    private void checkInputSize(long size, String source) throws TlsRptParseException {
        if (size > maxInputBytes) {
            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(), "the input is larger than"
                    + " the limit of " + Bounded.describe(maxInputBytes), Optional.empty());
        }
    }

    private static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    private static boolean isJson(byte[] b) {
        int i = b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf ? 3 : 0;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i < b.length && (b[i] == '{' || b[i] == '[');
    }

    /**
     * Sets the limits of a {@link TlsRptReportParser}. Not thread-safe; {@link #build()} may be called again.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private long maxInputBytes = DEFAULT_MAX_INPUT_BYTES;
        private long maxInflatedBytes = DEFAULT_MAX_INFLATED_BYTES;

        private Builder() {
        }

        /**
         * @param bytes the most bytes read of one input (file, stream, e-mail) or attachment; default 10 MiB
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is not positive or above {@code Integer.MAX_VALUE - 8}
         */
        public Builder maxInputBytes(long bytes) {
            this.maxInputBytes = checkLimit(bytes, "maxInputBytes");
            return this;
        }

        /**
         * @param bytes the most bytes gzip data is inflated to; default 16 MiB
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is not positive or above {@code Integer.MAX_VALUE - 8}
         */
        public Builder maxInflatedBytes(long bytes) {
            this.maxInflatedBytes = checkLimit(bytes, "maxInflatedBytes");
            return this;
        }

        private static long checkLimit(long bytes, String name) {
            if (bytes <= 0 || bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(name + " must be between 1 and " + (Integer.MAX_VALUE - 8)
                        + " (what one array can hold): " + bytes);
            }
            return bytes;
        }

        /** @return the parser */
        public TlsRptReportParser build() {
            return new TlsRptReportParser(this);
        }
    }
}
