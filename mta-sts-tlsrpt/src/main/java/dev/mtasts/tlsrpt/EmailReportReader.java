package dev.mtasts.tlsrpt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.stream.RecursionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports in a saved e-mail (RFC 8460 §5.3: {@code multipart/report; report-type="tlsrpt"}, the report as a
 * base64 attachment), read with mime4j's streaming {@link MimeTokenStream}: one pass, no part kept but the report
 * attachments, each decoded under the input limit. A part is a report when its type is
 * {@code application/tlsrpt+json} or {@code application/tlsrpt+gzip}, or when its file name ends in {@code .json},
 * {@code .json.gz} or {@code .gz} (senders that label attachments {@code application/octet-stream}); its content
 * decides between gzip and plain JSON. Forwarded messages ({@code message/rfc822}) are searched too.
 */
final class EmailReportReader {

    private static final Logger LOG = LoggerFactory.getLogger(EmailReportReader.class);

    /** The deepest nesting of multiparts and messages accepted. */
    static final int MAX_DEPTH = 16;

    private final TlsRptReportParser parser;
    private final MimeConfig config;

    EmailReportReader(TlsRptReportParser parser) {
        this.parser = parser;
        this.config = MimeConfig.custom()
                .setStrictParsing(false)        // real mail: lenient, as mail clients are
                .setMaxLineLen(-1)              // the whole message is within the input limit already
                .setMaxHeaderCount(1000)
                .setMaxHeaderLen(64 * 1024)
                .setMaxContentLen(parser.maxInputBytes())
                .build();
    }

    List<TlsRptReport> read(byte[] message, String source) throws TlsRptParseException {
        MimeTokenStream stream = new MimeTokenStream(config);
        stream.setRecursionMode(RecursionMode.M_RECURSE);
        stream.parse(new ByteArrayInputStream(message));
        List<TlsRptReport> reports = new ArrayList<>();
        Optional<Field> contentType = Optional.empty();
        Optional<Field> disposition = Optional.empty();
        int depth = 0;
        int parts = 0;
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_MESSAGE, T_START_BODYPART -> {
                        if (++depth > MAX_DEPTH) {
                            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(),
                                    "e-mail parts nested more than " + MAX_DEPTH + " deep", Optional.empty());
                        }
                    }
                    case T_END_MESSAGE, T_END_BODYPART -> depth--;
                    case T_START_HEADER -> {
                        contentType = Optional.empty();
                        disposition = Optional.empty();
                    }
                    case T_FIELD -> {
                        Field field = stream.getField();
                        String name = field.getName().toLowerCase(Locale.ROOT);
                        if (name.equals("content-type")) {
                            contentType = Optional.of(field);
                        } else if (name.equals("content-disposition")) {
                            disposition = Optional.of(field);
                        }
                    }
                    case T_BODY -> {
                        parts++;
                        String mimeType = stream.getBodyDescriptor().getMimeType().toLowerCase(Locale.ROOT);
                        Optional<String> fileName = parameter(disposition, "filename");
                        if (fileName.isEmpty()) {
                            fileName = parameter(contentType, "name");
                        }
                        if (isReport(mimeType, fileName)) {
                            String part = source + " > " + fileName.orElse(mimeType + " part " + parts);
                            byte[] content = Bounded.readAtMost(stream.getDecodedInputStream(),
                                    parser.maxInputBytes(), "the attachment");
                            reports.add(parser.parseJsonOrGzip(content, JsonReportReader.shown(part)));
                        } else {
                            LOG.trace("{}: part {} ({}) is not a report", source, parts, mimeType);
                        }
                    }
                    default -> {
                        // preamble, epilogue, multipart boundaries: nothing to read
                    }
                }
            }
        } catch (LimitExceededException e) {
            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(), e.getMessage(),
                    Optional.of(e));
        } catch (IOException | MimeException e) {
            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(),
                    "not a readable e-mail: " + e.getMessage(), Optional.of(e));
        } catch (RuntimeException e) {
            // mime4j's decoders signal some malformed input with unchecked exceptions: still a malformed input
            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(),
                    "not a readable e-mail: " + e, Optional.of(e));
        }
        if (reports.isEmpty()) {
            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(), "no TLS-RPT report in the"
                    + " e-mail: no part of type application/tlsrpt+json or application/tlsrpt+gzip, nor a .json"
                    + " or .json.gz attachment (" + parts + " part" + (parts == 1 ? "" : "s") + " read)",
                    Optional.empty());
        }
        return reports;
    }

    private static boolean isReport(String mimeType, Optional<String> fileName) {
        if (mimeType.equals("application/tlsrpt+json") || mimeType.equals("application/tlsrpt+gzip")) {
            return true;
        }
        if (mimeType.startsWith("multipart/") || mimeType.startsWith("message/")) {
            return false;
        }
        String name = fileName.orElse("").toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".json.gz") || name.endsWith(".gz");
    }

    /** @return the parameter of a header field, RFC 2047 encoded words decoded */
    private static Optional<String> parameter(Optional<Field> field, String name) {
        if (field.isEmpty()) {
            return Optional.empty();
        }
        RawBody body = RawFieldParser.DEFAULT.parseRawBody(raw(field.get()));
        for (NameValuePair pair : body.getParams()) {
            if (pair.getName().equalsIgnoreCase(name) && pair.getValue() != null && !pair.getValue().isBlank()) {
                return Optional.of(DecoderUtil.decodeEncodedWords(pair.getValue(), DecodeMonitor.SILENT).strip());
            }
        }
        return Optional.empty();
    }

    private static RawField raw(Field field) {
        return field instanceof RawField raw ? raw : new RawField(field.getName(), field.getBody());
    }
}
