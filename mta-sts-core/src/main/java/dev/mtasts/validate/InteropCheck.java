package dev.mtasts.validate;

import dev.mtasts.Severity;
import dev.mtasts.internal.Quoting;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.MediaType;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.SenderClass;
import dev.mtasts.resolver.DnsAnswer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Deep diagnostics: what RFC 8461 allows but a class of real senders ({@link SenderClass}) ignores or rejects. Each
 * case is an {@code INTEROP_RISK} {@code WARNING} in the layer of what triggers it, naming the classes, the rule that
 * allows it, and the fix that satisfies every class. Only a deployment that RFC senders accept is judged (a valid
 * record, a policy they use): where they already ignore the policy, the {@code ERROR} says so, and the finding
 * behind it names the classes that reject it too (see {@link FindingList}).
 *
 * <ul>
 *   <li>{@link SenderClass#EXACT_CONTENT_TYPE}: a {@code Content-Type} that is {@code text/plain} but not exactly
 *       the string {@code text/plain} (parameters, another case). Only an {@code INFO} for exactly
 *       {@code text/plain; charset=utf-8} or {@code charset=us-ascii}: RFC 8461 §3.2 names those parameters itself,
 *       the class's evidence is hand-written fetchers and a fixed checker rather than a deployed MTA, and common
 *       static hosts (GitHub Pages among them) serve {@code .txt} files so; a blocking warning there would be a
 *       false alarm on a large share of sound deployments.</li>
 *   <li>{@link SenderClass#ASCII_BODY}: a body with non-ASCII bytes (legal in extension values) served without
 *       {@code charset=utf-8}.</li>
 *   <li>{@link SenderClass#REQUIRES_MX_IN_MODE_NONE}: {@code mode: none} without any {@code mx}.</li>
 *   <li>{@link SenderClass#SPLITS_AT_EVERY_COLON}: a line with more than one {@code :}.</li>
 *   <li>{@link SenderClass#SHORT_TIMEOUT}: a slow {@code _mta-sts} look-up, or a policy host whose address look-up
 *       and fetch together take longer than senders' few seconds while the fetch alone does not
 *       ({@code POLICY_SLOW} covers a slow fetch).</li>
 * </ul>
 */
final class InteropCheck {

    /** How many offending lines a message names. */
    private static final int LINES_NAMED = 5;

    /**
     * The shortest DNS budget of a real sender found: postfix-mta-sts-resolver waits 4 s for the {@code _mta-sts}
     * record, and 4 s for the whole fetch, the policy host's address look-up included. (A fetch alone over 2 s is
     * {@code POLICY_SLOW}.)
     */
    static final Duration DNS_BUDGET = Duration.ofSeconds(4);

    /**
     * The one {@code Content-Type} with a parameter that is only an {@code INFO}: {@code text/plain} as written,
     * then one {@code charset} of {@code utf-8} or {@code us-ascii} (names and values in any case, quoted or not),
     * nothing else: the parameter RFC 8461 §3.2 names itself.
     */
    private static final java.util.regex.Pattern RFC_CHARSET = java.util.regex.Pattern.compile(
            "text/plain; ?(?i:charset=(?:utf-8|us-ascii|\"utf-8\"|\"us-ascii\"))");

    private final PolicyNames names;
    private final FindingList findings;

    InteropCheck(PolicyNames names, FindingList findings) {
        this.names = Objects.requireNonNull(names, "names");
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    void check(DiagnosticInput input) {
        Objects.requireNonNull(input, "input");
        if (input.record().state() != RecordState.FOUND) {
            return;
        }
        slowRecordLookup(input);
        Optional<MtaStsPolicy> usable = input.policy().usable();
        Optional<PolicyFetch> fetch = input.observations().policyFetch().filter(f -> f.outcome() == FetchOutcome.OK);
        Optional<byte[]> body = input.fetched().body();
        if (usable.isEmpty() || fetch.isEmpty() || body.isEmpty()) {
            return;
        }
        String text = new String(body.get(), StandardCharsets.UTF_8);
        contentType(fetch.get(), isAscii(body.get()));
        nonAsciiBody(fetch.get(), body.get());
        if (!input.mx().nullMx()) { // a null MX accepts no mail: MX_NULL says to remove the policy
            modeNoneWithoutMx(usable.get(), input.mx().hosts());
        }
        colons(text);
        slowAddressAndFetch(input, fetch.get());
    }

    /** {@link SenderClass#EXACT_CONTENT_TYPE}: text/plain, but not spelled exactly so. */
    private void contentType(PolicyFetch fetch, boolean asciiBody) {
        List<String> values = fetch.headers().getOrDefault("content-type", List.of());
        if (values.size() != 1 || values.get(0).strip().equals("text/plain")) {
            return; // several headers are a POLICY_CONTENT_TYPE warning, which names the class itself
        }
        String value = values.get(0);
        boolean parameters = MediaType.parse(value).map(m -> !m.parameters().isEmpty()).orElse(false);
        boolean spelling = !value.strip().split(";", 2)[0].strip().equals("text/plain");
        List<String> reasons = new ArrayList<>();
        if (parameters) {
            reasons.add("media type parameters are ignored, rule B12");
        }
        if (spelling) {
            reasons.add("type and subtype are case-insensitive, RFC 9110 §8.3.1");
        }
        if (reasons.isEmpty()) {
            reasons.add("the media type is text/plain");
        }
        boolean namedByTheRfc = RFC_CHARSET.matcher(value.strip()).matches();
        String fix = asciiBody
                ? "Serve the policy with exactly 'Content-Type: text/plain', in lower case and without parameters:"
                + " RFC 8461 §3.2 ignores them, and text/plain alone satisfies every sender."
                : "Write the policy in ASCII only (drop or transliterate the non-ASCII extension value), then serve it"
                + " with exactly 'Content-Type: text/plain', in lower case and without parameters: that satisfies"
                + " every sender.";
        if (namedByTheRfc) {
            findings.addInteropRisk(Severity.INFO, Layer.POLICY_FETCH, List.of(SenderClass.EXACT_CONTENT_TYPE),
                    names.policyUrl(), names.policyUrl() + " is served as '" + Quoting.message(value) + "': RFC 8461"
                            + " §3.2 names this charset parameter itself (rule B12), and no deployed MTA is known to"
                            + " reject it; only " + SenderClass.EXACT_CONTENT_TYPE.title() + " (hand-written"
                            + " fetchers that compare the header as a string) would ignore the policy.", fix);
            return;
        }
        findings.addInteropRisk(Layer.POLICY_FETCH, List.of(SenderClass.EXACT_CONTENT_TYPE), names.policyUrl(),
                names.policyUrl() + " is served as '" + Quoting.message(value) + "': RFC 8461 §3.2 accepts it ("
                        + String.join("; ", reasons) + "), but " + SenderClass.EXACT_CONTENT_TYPE.title()
                        + " compare the header as a string and ignore the policy.", fix);
    }

    /** {@link SenderClass#ASCII_BODY}: UTF-8 in the body without a charset that says so. */
    private void nonAsciiBody(PolicyFetch fetch, byte[] body) {
        int at = firstNonAscii(body);
        if (at < 0) {
            return;
        }
        Optional<String> charset = fetch.mediaType().flatMap(MediaType::charset);
        if (charset.filter(c -> c.equals("utf-8") || c.equals("utf8")).isPresent()) {
            return;
        }
        int line = 1;
        int start = 0;
        for (int i = 0; i < at; i++) {
            if (body[i] == '\n') {
                line++;
                start = i + 1;
            }
        }
        String lineText = new String(body, start, lineEnd(body, start) - start, StandardCharsets.UTF_8).strip();
        String served = charset.map(c -> "with charset=" + c).orElse("without a charset");
        findings.addInteropRisk(Layer.POLICY_PARSE, List.of(SenderClass.ASCII_BODY),
                names.policyUrl() + " line " + line, "Policy line " + line + " ('" + Quoting.message(lineText)
                        + "') has non-ASCII text and the policy is served " + served + ": RFC 8461 §3.2 allows"
                        + " UTF-8 in extension values (rules C12, C17), but " + SenderClass.ASCII_BODY.title() + " unless the"
                        + " Content-Type names UTF-8 cannot decode it and drop the policy.",
                "Write the policy in ASCII only: drop or transliterate the non-ASCII extension value (senders ignore"
                        + " extension fields anyway), and keep serving it as exactly 'Content-Type: text/plain'.");
    }

    /** {@link SenderClass#REQUIRES_MX_IN_MODE_NONE}: mode none without an mx line. */
    private void modeNoneWithoutMx(MtaStsPolicy policy, List<MxHostResult> hosts) {
        if (policy.mode() != PolicyMode.NONE || !policy.mx().isEmpty()) {
            return;
        }
        List<String> lines = hosts.stream().map(h -> "mx: " + h.host().value()).distinct().limit(LINES_NAMED)
                .toList();
        String add = lines.isEmpty() ? "'mx: *." + names.domain() + "'" : lines.stream()
                .map(l -> "'" + l + "'").collect(Collectors.joining(", "));
        findings.addInteropRisk(Layer.POLICY_PARSE, List.of(SenderClass.REQUIRES_MX_IN_MODE_NONE), names.policyUrl(),
                "The policy is in mode none without any mx line: RFC 8461 §3.2 requires mx only in testing and enforce"
                        + " (rule C8), but " + SenderClass.REQUIRES_MX_IN_MODE_NONE.title() + " reject it, and keep"
                        + " applying a policy they cached earlier until its max_age runs out.",
                "Add " + add + " to the policy even in mode none (one mx line per MX host), with a new id: every"
                        + " sender then reads it.");
    }

    /** {@link SenderClass#SPLITS_AT_EVERY_COLON}: a line with more than one ':'. */
    private void colons(String text) {
        List<String> offending = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int count = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.indexOf(':') != line.lastIndexOf(':')) {
                count++;
                if (offending.size() < LINES_NAMED) {
                    offending.add("line " + (i + 1) + " '" + Quoting.message(line) + "'");
                }
                String field = line.substring(0, line.indexOf(':'));
                if (!fields.contains(field)) {
                    fields.add(field);
                }
            }
        }
        if (count == 0) {
            return;
        }
        String fieldList = fields.stream().map(f -> "'" + Quoting.message(f) + "'").limit(LINES_NAMED)
                .collect(Collectors.joining(", "));
        findings.addInteropRisk(Layer.POLICY_PARSE, List.of(SenderClass.SPLITS_AT_EVERY_COLON), names.policyUrl(),
                "The policy has " + count + (count == 1 ? " line" : " lines") + " with more than one ':' ("
                        + String.join("; ", offending) + (count > offending.size() ? "; ..." : "") + "): RFC 8461"
                        + " §3.2 allows ':' in an extension value (rule C12), but "
                        + SenderClass.SPLITS_AT_EVERY_COLON.title() + " reject the whole policy.",
                "Remove the field " + fieldList + " (senders ignore extension fields anyway), or write its value"
                        + " without ':', with a new id.");
    }

    /** {@link SenderClass#SHORT_TIMEOUT}: the _mta-sts look-up alone is slower than senders' budget for it. */
    private void slowRecordLookup(DiagnosticInput input) {
        input.observations().stsTxt().map(InteropCheck::elapsed).filter(took -> took.compareTo(DNS_BUDGET) > 0)
                .ifPresent(took -> findings.addInteropRisk(Layer.DNS_RECORD, List.of(SenderClass.SHORT_TIMEOUT),
                        names.stsSubject(), "The look-up of " + names.stsRecord() + " TXT took " + took.toMillis()
                                + " ms: RFC 8461 sets no limit on it, but " + SenderClass.SHORT_TIMEOUT.title()
                                + " (" + DNS_BUDGET.toSeconds() + " s for it) find no record and apply no policy.",
                        slowDnsFix(names.stsRecord())));
    }

    /**
     * {@link SenderClass#SHORT_TIMEOUT}: finding the policy host and fetching from it take longer, together, than
     * senders with one budget for both wait, while the fetch alone is quick (else {@code POLICY_SLOW} says it).
     */
    private void slowAddressAndFetch(DiagnosticInput input, PolicyFetch fetch) {
        if (PolicyFetchCheck.budgetsExceeded(fetch.elapsed()).isPresent()) {
            return; // POLICY_SLOW says it, and names the class
        }
        input.observations().policyHostAddresses().ifPresent(answer -> {
            Duration lookup = elapsed(answer);
            Duration total = lookup.plus(fetch.elapsed());
            if (total.compareTo(DNS_BUDGET) <= 0) {
                return;
            }
            findings.addInteropRisk(Layer.POLICY_FETCH, List.of(SenderClass.SHORT_TIMEOUT),
                    names.policyHostSubject(), "Looking up " + names.policyHost() + " took " + lookup.toMillis()
                            + " ms and fetching the policy " + fetch.elapsed().toMillis() + " ms, " + total.toMillis()
                            + " ms in all: within the minute RFC 8461 §3.3 suggests (rule B15), but "
                            + SenderClass.SHORT_TIMEOUT.title() + " (" + DNS_BUDGET.toSeconds() + " s for both)"
                            + " apply no policy.", slowDnsFix(names.policyHost()));
        });
    }

    private static String slowDnsFix(String name) {
        return "Make every name server of " + name + " answer within a second: ask each one (dig @<server> " + name
                + ") and remove or repair those that answer slowly or not at all.";
    }

    private static Duration elapsed(DnsAnswer answer) {
        return answer.result().elapsed();
    }

    private static boolean isAscii(byte[] body) {
        return firstNonAscii(body) < 0;
    }

    private static int firstNonAscii(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if ((body[i] & 0x80) != 0) {
                return i;
            }
        }
        return -1;
    }

    private static int lineEnd(byte[] body, int start) {
        int end = start;
        while (end < body.length && body[end] != '\n' && body[end] != '\r') {
            end++;
        }
        return end;
    }
}
