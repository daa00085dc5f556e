package dev.mtasts.record;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.internal.Quoting;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code _smtp._tls.<domain>} TXT record of TLS reporting (RFC 8460 §3): version {@code TLSRPTv1}, the
 * {@code rua} report destinations, and any extension fields.
 *
 * <p>Rules followed: the record begins with exactly {@code v=TLSRPTv1} (G2); {@code rua} is required and holds one
 * or more URIs separated by commas with optional whitespace around each comma, no empty entry (G3); a literal
 * {@code !} in a URI must be written {@code %21} (G4); URIs are kept as written, never decoded (G4); at least one
 * URI must be {@code mailto:} or {@code https:} (G5); unknown fields are kept and ignored (G8); a repeated
 * {@code rua} adds its URIs to the list (G9).
 *
 * <p>An immutable value; {@code parse(r.toText()).equals(r)}.
 *
 * <pre>{@code
 * TlsRptRecord rpt = TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:tls@example.com,https://r.example.com/tls");
 * rpt.rua();                                               // [mailto:tls@example.com, https://r.example.com/tls]
 * RecordParseResult<TlsRptRecord> r = TlsRptRecord.lenient().parse("v=TLSRPTv1; rua=x");   // never throws
 * TlsRptRecord.of(URI.create("mailto:tls-reports@example.com")).toText();
 * }</pre>
 *
 * @param version    always {@code TLSRPTv1}
 * @param rua        the report destinations, as written, at least one
 * @param extensions unknown fields, in order
 * @since 0.1.0
 */
public record TlsRptRecord(String version, List<URI> rua, List<RecordExtension> extensions) {

    /** The version RFC 8460 defines. */
    public static final String VERSION_TLSRPTV1 = "TLSRPTv1";

    static final String VERSION_FIELD = "v=" + VERSION_TLSRPTV1;
    static final String RUA = "rua";

    private static final RecordParser<TlsRptRecord> LENIENT = new RecordParser<>(VERSION_FIELD, TlsRptRecord::read);

    /** Validates the components. */
    public TlsRptRecord {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(rua, "rua");
        Objects.requireNonNull(extensions, "extensions");
        rua = List.copyOf(rua);
        extensions = List.copyOf(extensions);
        if (!VERSION_TLSRPTV1.equals(version)) {
            throw new IllegalArgumentException("version must be TLSRPTv1, not " + Quoting.quotedAscii(version));
        }
        if (rua.isEmpty()) {
            throw new IllegalArgumentException("rua needs at least one URI");
        }
        for (URI uri : rua) {
            uriProblem(uri.toString()).ifPresent(p -> {
                throw new IllegalArgumentException(p);
            });
        }
        if (rua.stream().noneMatch(TlsRptRecord::isUsable)) {
            throw new IllegalArgumentException("rua needs at least one mailto: or https: URI");
        }
        RecordExtension.checkNames(extensions, RUA);
    }

    /**
     * @param rua one or more report destinations ({@code mailto:} or {@code https:})
     * @return a record with those destinations and no extensions
     */
    public static TlsRptRecord of(URI... rua) {
        Objects.requireNonNull(rua, "rua");
        return new TlsRptRecord(VERSION_TLSRPTV1, List.of(rua), List.of());
    }

    /**
     * Parses a record, rejecting it at its first {@code ERROR}: the throwing counterpart of {@link #lenient()}.
     *
     * @param text the record, joined from its character-strings (G7)
     * @return the record
     * @throws RecordParseException at the first error, with its column and reason, and every problem found
     */
    public static TlsRptRecord parse(String text) {
        return LENIENT.parse(text).orElseThrow();
    }

    /**
     * The parser that never throws: {@code TlsRptRecord.lenient().parse(text)} returns the record when valid and
     * every problem.
     *
     * @return the lenient parser of {@code _smtp._tls} records, one shared immutable instance
     */
    public static RecordParser<TlsRptRecord> lenient() {
        return LENIENT;
    }

    private static RecordParseResult<TlsRptRecord> read(String text) {
        TxtFieldScanner scanner = new TxtFieldScanner(text, VERSION_FIELD);
        List<Problem> problems = scanner.problems();
        if (!scanner.scan()) {
            return new RecordParseResult<>(Optional.empty(), problems);
        }
        List<URI> rua = new ArrayList<>();
        boolean sawRua = false;
        List<RecordExtension> extensions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TxtField field : scanner.fields()) {
            boolean repeated = !seen.add(field.name()) || field.name().equals("v");
            if (field.name().equals(RUA)) {
                if (repeated) {
                    scanner.add(ProblemCode.RECORD_FIELD_DUPLICATE, field.column(), "field 'rua' appears again;"
                            + " its URIs are added to the first, but some checkers reject the record: use one rua");
                }
                sawRua = true;
                readRua(scanner, field, rua);
                continue;
            }
            if (repeated) {
                scanner.add(ProblemCode.RECORD_FIELD_DUPLICATE, field.column(), "field "
                        + Quoting.quotedAscii(field.name()) + " appears again; only the first is used");
                continue;
            }
            scanner.readExtension(field, extensions, RUA);
        }
        if (!sawRua) {
            scanner.add(ProblemCode.TLSRPT_RUA_MISSING, 1, "record has no 'rua=' field; add"
                    + " rua=mailto:tls-reports@<your domain>");
        } else if (!rua.isEmpty() && rua.stream().noneMatch(TlsRptRecord::isUsable)) {
            scanner.add(ProblemCode.TLSRPT_RUA_NO_USABLE_URI, 1, "no rua URI is mailto: or https:, so no report"
                    + " can be delivered");
        }
        boolean valid = sawRua && !rua.isEmpty() && scanner.noErrors();
        return new RecordParseResult<>(valid ? Optional.of(new TlsRptRecord(VERSION_TLSRPTV1, rua, extensions))
                : Optional.empty(), problems);
    }

    private static void readRua(TxtFieldScanner scanner, TxtField field, List<URI> rua) {
        String value = field.value();
        if (!value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(0) == '\t')) {
            scanner.add(ProblemCode.RECORD_SYNTAX, field.valueColumn(), "whitespace after 'rua='");
            return;
        }
        int pos = 0;
        while (true) {
            int comma = value.indexOf(',', pos);
            int end = comma < 0 ? value.length() : comma;
            String entry = value.substring(pos, end).strip();
            int column = field.valueColumn() + pos;
            if (entry.isEmpty()) {
                scanner.add(ProblemCode.TLSRPT_RUA_INVALID, column, "rua " + Quoting.quotedAscii(value)
                        + " has an empty entry; separate URIs with single commas");
                return;
            }
            Optional<String> problem = uriProblem(entry);
            if (problem.isPresent() && pos > 0 && hasNoScheme(entry) && entry.indexOf('@') < 0) {
                // "https://r.example/a?x=1,2": the ',' split one URI in two, and this is its tail
                String before = value.substring(value.lastIndexOf(',', pos - 2) + 1, pos - 1).strip();
                scanner.add(ProblemCode.TLSRPT_RUA_INVALID, column, "rua entry " + Quoting.quotedAscii(entry)
                        + " has no scheme: if the ',' before it belongs to the URI before it, write that ',' as %2C ("
                        + Quoting.quotedAscii(before + "%2C" + entry) + "); otherwise give it a scheme (mailto: or"
                        + " https://)");
            } else if (problem.isPresent()) {
                scanner.add(entry.indexOf('!') >= 0 && problem.get().contains("'!'") ? ProblemCode.TLSRPT_RUA_UNENCODED
                        : ProblemCode.TLSRPT_RUA_INVALID, column, problem.get());
            } else {
                URI uri = URI.create(entry);
                rua.add(uri);
                if (!isUsable(uri)) {
                    scanner.add(ProblemCode.TLSRPT_RUA_UNSUPPORTED_SCHEME, column, "rua URI '" + Quoting.ascii(entry)
                            + "' is neither mailto: nor https:; reporters skip it");
                }
            }
            if (comma < 0) {
                return;
            }
            pos = comma + 1;
        }
    }

    static Optional<String> uriProblem(String entry) {
        if (entry.indexOf('!') >= 0) {
            return Optional.of("rua URI " + Quoting.quotedAscii(entry) + " has a literal '!'; write it as %21 ("
                    + Quoting.quotedAscii(entry.replace("!", "%21")) + ")");
        }
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == ',' || c == ';') {
                return Optional.of("rua URI " + Quoting.quotedAscii(entry) + " has '" + Quoting.ascii(String.valueOf(c))
                        + "'; encode it (%2C for ',', %3B for ';')");
            }
        }
        URI uri;
        try {
            uri = new URI(entry);
        } catch (URISyntaxException e) {
            return Optional.of("rua URI " + Quoting.quotedAscii(entry) + " is not a URI: " + e.getReason());
        }
        if (uri.getScheme() == null) {
            return Optional.of("rua URI " + Quoting.quotedAscii(entry) + " has no scheme; write "
                    + (entry.indexOf('@') > 0 ? Quoting.quotedAscii("mailto:" + entry) + " for a mailbox"
                    : Quoting.quotedAscii("https://" + entry) + " for a web endpoint, or mailto:address for a mailbox"));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("mailto")) {
            if (uri.getRawFragment() != null) {
                return Optional.of("rua URI " + Quoting.quotedAscii(entry) + " has a '#' fragment, which a mailto: URI cannot"
                        + " have (RFC 6068); write mailto:local@domain");
            }
            String address = uri.getRawSchemeSpecificPart();
            int query = address.indexOf('?');
            if (query >= 0) {
                address = address.substring(0, query); // hfields such as ?subject=... are allowed
            }
            int at = address.lastIndexOf('@');
            boolean quotedLocal = address.startsWith("%22") || address.startsWith("\"");
            if (at <= 0 || at == address.length() - 1 || (!quotedLocal && address.indexOf('@') != at)) {
                return Optional.of("rua URI " + Quoting.quotedAscii(entry) + " is not one mail address; write"
                        + " mailto:local@domain");
            }
            String domain = address.substring(at + 1);
            if (!domain.startsWith("[") && !isHostName(domain)) {
                return Optional.of("rua URI " + Quoting.quotedAscii(entry) + " has " + Quoting.quotedAscii(domain) + " after '@', which"
                        + " is not a domain name");
            }
        } else if (scheme.equals("https") && authorityHost(uri).isEmpty()) {
            return Optional.of("rua URI " + Quoting.quotedAscii(entry) + " has no host; write https://host/path");
        }
        return Optional.empty();
    }

    /** @return true when the entry does not start with a URI scheme ({@code ALPHA *(ALPHA / DIGIT / + - .) ":"}) */
    private static boolean hasNoScheme(String entry) {
        if (entry.isEmpty() || !isAsciiLetter(entry.charAt(0))) {
            return true;
        }
        for (int i = 1; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c == ':') {
                return false;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return true;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * The host of an {@code https} URI as RFC 3986 §3.2.2 reads it (G3). {@link URI#getHost()} is null for a legal
     * reg-name that is not an RFC 2396 host name ({@code https://tls_rpt.example/}, {@code https://r.7z/}), so the
     * host is taken from the raw authority: without {@code userinfo@} and without {@code :port}.
     */
    private static String authorityHost(URI uri) {
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return "";
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = host.startsWith("[") ? host.indexOf(':', Math.max(0, host.indexOf(']'))) : host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Letters, digits and {@code -} in dot-separated labels, none empty: the domain of a mail address. */
    private static boolean isHostName(String domain) {
        if (domain.isEmpty() || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return false;
        }
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '.' || c == '%';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param uri a report destination
     * @return true for a {@code mailto:} or {@code https:} URI, the two schemes RFC 8460 §3 defines
     */
    public static boolean isUsable(URI uri) {
        String scheme = Objects.requireNonNull(uri, "uri").getScheme();
        return scheme != null && (scheme.equalsIgnoreCase("mailto") || scheme.equalsIgnoreCase("https"));
    }

    /**
     * Picks the one {@code _smtp._tls} record from every TXT record at the name, by RFC 8460 §3 (G6, G7).
     *
     * @param txtRecords each TXT record as its list of character-strings, as DNS returns them
     * @return the selection: the record, or why there is none
     */
    public static RecordSelection<TlsRptRecord> select(List<? extends List<String>> txtRecords) {
        return RecordSelector.select(Objects.requireNonNull(txtRecords, "txtRecords"), LENIENT);
    }

    /** @return the record as published: {@code v=TLSRPTv1; rua=uri1,uri2} followed by any extensions */
    public String toText() {
        StringBuilder out = new StringBuilder(VERSION_FIELD).append("; ").append(RUA).append('=');
        for (int i = 0; i < rua.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(rua.get(i));
        }
        for (RecordExtension e : extensions) {
            out.append("; ").append(e.name()).append('=').append(e.value());
        }
        return out.toString();
    }
}
