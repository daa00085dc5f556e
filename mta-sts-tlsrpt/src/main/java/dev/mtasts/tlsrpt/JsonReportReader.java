package dev.mtasts.tlsrpt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mtasts.DomainName;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON of one aggregate report (RFC 8460 §4.4) to a {@link TlsRptReport}: Jackson reads a tree under
 * {@link StreamReadConstraints}, then each field is checked with its JSON path at hand, so that every fault names
 * the field. Thread-safe: the mapper is configured once and only read from.
 */
final class JsonReportReader {

    /** The deepest nesting accepted: a report is five levels deep; extensions get room, stack exhaustion none. */
    static final int MAX_NESTING_DEPTH = 32;
    /** The longest string accepted (a policy line, an additional-information URI). */
    static final int MAX_STRING_LENGTH = 1024 * 1024;
    /** The longest field name accepted. */
    static final int MAX_NAME_LENGTH = 1024;
    /** The most digits of a number accepted: enough for any count, not for a number that takes seconds to parse. */
    static final int MAX_NUMBER_LENGTH = 64;
    /** The longest period one report may cover: a range of years is a broken clock, not a report. */
    static final Duration MAX_RANGE = Duration.ofDays(366);

    private static final int MAX_SHOWN = 80;

    /** RFC 3339 date-times, with or without fractional seconds; 'Z', {@code +hh:mm}, {@code +hhmm} or no offset. */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private final ObjectMapper mapper;

    JsonReportReader(long maxDocumentBytes) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxDocumentLength(maxDocumentBytes)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    TlsRptReport read(byte[] json, String source) throws TlsRptParseException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new TlsRptParseException(source, Optional.empty(), pathOf(e), "exceeds a limit of the parser: "
                    + e.getOriginalMessage(), Optional.of(e));
        } catch (JsonProcessingException e) {
            throw new TlsRptParseException(source, Optional.empty(), pathOf(e), "not valid JSON: "
                    + firstLine(e.getOriginalMessage()) + where(e.getLocation()), Optional.of(e));
        } catch (IOException e) {
            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(), "could not be read: " + e,
                    Optional.of(e));
        }
        if (root == null || root.isMissingNode()) {
            throw new TlsRptParseException(source, Optional.empty(), Optional.empty(), "is empty: no JSON value",
                    Optional.empty());
        }
        Optional<String> reportId = root.path("report-id").isTextual() && !root.path("report-id").asText().isBlank()
                ? Optional.of(shown(root.path("report-id").asText())) : Optional.empty();
        try {
            return report(new At(root, "$"));
        } catch (Fault f) {
            throw new TlsRptParseException(source, reportId, Optional.of(f.path), f.reason, Optional.empty());
        }
    }

    private static TlsRptReport report(At root) {
        root.object();
        String organization = root.field("organization-name").nonBlankText();
        At range = root.field("date-range").object();
        At startAt = range.field("start-datetime");
        At endAt = range.field("end-datetime");
        Instant start = startAt.instant();
        Instant end = endAt.instant();
        if (end.isBefore(start)) {
            throw new Fault(endAt.path, "end-datetime " + end + " is before start-datetime " + start);
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new Fault(range.path, "covers " + Duration.between(start, end).toDays()
                    + " days, more than the " + MAX_RANGE.toDays() + " a report can sensibly cover");
        }
        Optional<String> contact = root.optional("contact-info").map(At::text).filter(s -> !s.isBlank());
        String reportId = root.field("report-id").nonBlankText();
        List<PolicyReport> policies = new ArrayList<>();
        for (At policy : root.field("policies").array()) {
            policies.add(policy(policy.object()));
        }
        return new TlsRptReport(organization, new DateRange(start, end), contact, reportId, policies);
    }

    private static PolicyReport policy(At entry) {
        At policy = entry.field("policy").object();
        String type = policy.field("policy-type").nonBlankText();
        List<String> strings = policy.optional("policy-string").map(At::strings).orElse(List.of());
        At domainAt = policy.field("policy-domain");
        String domainText = domainAt.nonBlankText();
        DomainName domain;
        try {
            domain = DomainName.of(domainText.strip());
        } catch (IllegalArgumentException e) {
            throw new Fault(domainAt.path, "not a domain name: " + e.getMessage());
        }
        List<String> mxHosts = policy.optional("mx-host").map(At::strings).orElse(List.of());
        At summary = entry.field("summary").object();
        long successful = summary.field("total-successful-session-count").count();
        long failed = summary.field("total-failure-session-count").count();
        List<FailureDetail> details = new ArrayList<>();
        Optional<At> failureDetails = entry.optional("failure-details");
        if (failureDetails.isPresent()) {
            for (At detail : failureDetails.get().array()) {
                details.add(failure(detail.object()));
            }
        }
        return new PolicyReport(type, strings, domain, mxHosts, successful, failed, details);
    }

    private static FailureDetail failure(At detail) {
        return new FailureDetail(
                detail.field("result-type").nonBlankText(),
                detail.optionalText("sending-mta-ip"),
                detail.optionalText("receiving-mx-hostname"),
                detail.optionalText("receiving-mx-helo"),
                detail.optionalText("receiving-ip"),
                detail.field("failed-session-count").count(),
                detail.optionalText("additional-information"),
                detail.optionalText("failure-reason-code"));
    }

    /** A value and the JSON path it was found at. */
    private record At(JsonNode node, String path) {

        At field(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw new Fault(path + "." + name, (value == null ? "missing" : "null")
                        + ": the field is required (RFC 8460 §4.4)");
            }
            return new At(value, path + "." + name);
        }

        Optional<At> optional(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(new At(value, path + "." + name));
        }

        Optional<String> optionalText(String name) {
            return optional(name).map(At::text).map(String::strip).filter(s -> !s.isEmpty());
        }

        At object() {
            if (!node.isObject()) {
                throw wrongType("an object");
            }
            return this;
        }

        List<At> array() {
            if (!node.isArray()) {
                throw wrongType("an array");
            }
            List<At> elements = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                elements.add(new At(node.get(i), path + "[" + i + "]"));
            }
            return elements;
        }

        String text() {
            if (!node.isTextual()) {
                throw wrongType("a string");
            }
            return node.asText();
        }

        String nonBlankText() {
            String text = text().strip();
            if (text.isEmpty()) {
                throw new Fault(path, "empty: the field must name something");
            }
            return text;
        }

        /** A list of strings; a lone string (which some senders write for one MX host) is a list of one. */
        List<String> strings() {
            if (node.isTextual()) {
                return List.of(node.asText());
            }
            List<String> strings = new ArrayList<>();
            for (At element : array()) {
                strings.add(element.text());
            }
            return strings;
        }

        long count() {
            if (!node.isIntegralNumber()) {
                throw wrongType("a whole number");
            }
            if (!node.canConvertToLong()) {
                throw new Fault(path, "too large: " + shown(node.toString()));
            }
            long value = node.longValue();
            if (value < 0) {
                throw new Fault(path, "negative: " + value + "; a session count is 0 or more");
            }
            return value;
        }

        Instant instant() {
            String text = text().strip();
            String normal = text.length() > 10 && text.charAt(10) == ' '
                    ? text.substring(0, 10) + 'T' + text.substring(11) : text;
            try {
                TemporalAccessor parsed = DATE_TIME.parseBest(normal, OffsetDateTime::from, LocalDateTime::from);
                return parsed instanceof OffsetDateTime odt ? odt.toInstant()
                        : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new Fault(path, "not an RFC 3339 date-time (such as 2026-11-20T00:00:00Z): \""
                        + shown(text) + "\"");
            }
        }

        private Fault wrongType(String expected) {
            return new Fault(path, "expected " + expected + ", found " + describe(node));
        }
    }

    /** A field at fault; caught in {@link #read} and turned into a {@link TlsRptParseException}. */
    private static final class Fault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String path;
        final String reason;

        Fault(String path, String reason) {
            super(path + ": " + reason, null, false, false);
            this.path = path;
            this.reason = reason;
        }
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the string \"" + shown(node.asText()) + "\"";
        }
        if (node.isNumber()) {
            return "the number " + shown(node.toString());
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** @return the text, cut to a readable length, control characters shown as {@code \}{@code uXXXX} */
    static String shown(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < MAX_SHOWN; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.length() < MAX_SHOWN || text.length() <= MAX_SHOWN ? b.toString() : b + "...";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return shown(nl < 0 ? message : message.substring(0, nl));
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** @return the path of the value the parser was at, from its parsing context, when there is one */
    private static Optional<String> pathOf(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + shown(c.getCurrentName()));
            }
        }
        return parts.isEmpty() ? Optional.of("$") : Optional.of("$" + String.join("", parts));
    }
}
