package dev.mtasts.report;

import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A class of real senders that treats a deployment otherwise than a sender following RFC 8461 (or, where the RFC
 * reads more than one way, this library's reading of it): the interoperability table. Each class names its
 * {@link #behaviour()}, the {@link #reference() RFC section} and {@link #rule() rule} (an entry of
 * {@code docs/rfc-readings.md}) the behaviour departs from or reads strictly, the {@link #kinds() kinds of software}
 * known to behave so (with the public source each claim rests on), and its {@link #effect() effect} on mail.
 *
 * <p>{@link Finding#senderClasses()} names the classes a finding concerns: those that would ignore or reject the
 * policy because of it, those that read it otherwise, and those that accept what RFC senders refuse (and so hide
 * the problem from a domain owner who tests with them). {@link #of(FindingCode, Optional, Severity)} is that
 * mapping for every code but {@link FindingCode#INTEROP_RISK}, whose findings name their classes one by one: the validator
 * raises one, a {@code WARNING}, wherever the RFC allows what a class rejects ({@link #raisesInteropRisk()}); only
 * for exactly {@code text/plain; charset=utf-8} (or {@code us-ascii}), the parameter RFC 8461 §3.2 names itself, is
 * it an {@code INFO}.
 *
 * <table>
 *   <caption>The classes, with the findings that name them</caption>
 *   <tr><th>Class</th><th>Effect</th><th>Rule</th><th>Findings</th></tr>
 *   <tr><td>{@link #REQUIRES_TEXT_PLAIN}</td><td>rejects</td><td>§3.2 B12, B13</td>
 *       <td>{@code POLICY_CONTENT_TYPE} ({@code ERROR})</td></tr>
 *   <tr><td>{@link #EXACT_CONTENT_TYPE}</td><td>rejects</td><td>§3.2 B12</td>
 *       <td>{@code INTEROP_RISK}, {@code POLICY_CONTENT_TYPE}</td></tr>
 *   <tr><td>{@link #ASCII_BODY}</td><td>rejects</td><td>§3.2 C12, C17</td><td>{@code INTEROP_RISK}</td></tr>
 *   <tr><td>{@link #REJECTS_BLANK_LINE}</td><td>rejects</td><td>§3.2 C2</td>
 *       <td>{@code POLICY_SYNTAX} ({@code POLICY_BLANK_LINE})</td></tr>
 *   <tr><td>{@link #REQUIRES_MX_IN_MODE_NONE}</td><td>rejects</td><td>§3.2 C8</td><td>{@code INTEROP_RISK}</td></tr>
 *   <tr><td>{@link #SPLITS_AT_EVERY_COLON}</td><td>rejects</td><td>§3.2 C12</td><td>{@code INTEROP_RISK}</td></tr>
 *   <tr><td>{@link #BODY_CAP}</td><td>rejects</td><td>§3.3 B15</td><td>{@code POLICY_TOO_LARGE}</td></tr>
 *   <tr><td>{@link #SHORT_TIMEOUT}</td><td>rejects</td><td>§3.3 B15</td>
 *       <td>{@code INTEROP_RISK}, {@code POLICY_SLOW}, {@code POLICY_TIMEOUT}</td></tr>
 *   <tr><td>{@link #FAILS_ON_UNRELATED_TXT}</td><td>rejects</td><td>§3.1 A11</td>
 *       <td>{@code STS_UNRELATED_RECORD}</td></tr>
 *   <tr><td>{@link #LAST_DUPLICATE_WINS}</td><td>reads otherwise</td><td>§3.2 C13</td>
 *       <td>{@code POLICY_NOTE} ({@code FIELD_DUPLICATE})</td></tr>
 *   <tr><td>{@link #ANY_DEPTH_WILDCARD}</td><td>hides</td><td>§4.1 D5</td><td>{@code MX_WILDCARD_TOO_DEEP}</td></tr>
 *   <tr><td>{@link #FOLLOWS_REDIRECTS}</td><td>hides</td><td>§3.3 B10</td><td>{@code POLICY_REDIRECT}</td></tr>
 * </table>
 *
 * <p>{@code docs/interoperability.md} is the same table with the behaviour and the sources in full; a test keeps
 * it in step with this enum. An enum: its values are immutable and safe to share.
 *
 * <pre>{@code
 * for (Finding f : report.findings()) {
 *     for (SenderClass c : f.senderClasses()) {
 *         System.out.println(f.code() + ": " + c.effect().words() + " " + c.title() + " (" + c.reference() + ")");
 *     }
 * }
 * SenderClass.of(FindingCode.POLICY_CONTENT_TYPE, Optional.empty(), Severity.ERROR);
        // [REQUIRES_TEXT_PLAIN, EXACT_CONTENT_TYPE]
 * }</pre>
 *
 * @since 0.2.0
 */
public enum SenderClass {

    /**
     * Ignore a policy served without a {@code Content-Type} or with a media type other than {@code text/plain}: the
     * SHOULD of RFC 8461 §3.2 applied as a MUST, as this library reads it (B13), so these findings are already
     * {@code ERROR}s. postfix-mta-sts-resolver ({@code resolver.py}, {@code is_plaintext}) and go-mtasts
     * ({@code cache.go}, {@code mime.ParseMediaType}) check the type.
     */
    REQUIRES_TEXT_PLAIN(Effect.REJECTS, "senders that require text/plain",
            "Ignore a policy served without a Content-Type header or with a media type other than text/plain;"
                    + " parameters such as charset do not matter to them.",
            "RFC 8461 §3.2", "B12, B13",
            "Resolvers that check the media type before parsing, as the SHOULD of §3.2 asks: postfix-mta-sts-resolver"
                    + " (resolver.py, is_plaintext) and go-mtasts (cache.go, mime.ParseMediaType) do.",
            false, on(FindingCode.POLICY_CONTENT_TYPE, Severity.ERROR)),

    /**
     * Compare the raw {@code Content-Type} value with the string {@code text/plain}, so that parameters
     * ({@code text/plain; charset=utf-8}), another spelling ({@code Text/Plain}) or repeated headers joined into one
     * value make them ignore a policy RFC 8461 §3.2 accepts (parameters are ignored, B12; RFC 9110 §8.3.1 makes type
     * and subtype case-insensitive).
     */
    EXACT_CONTENT_TYPE(Effect.REJECTS, "senders that require exactly 'text/plain'",
            "Compare the raw Content-Type value with the string text/plain, so that parameters (text/plain;"
                    + " charset=utf-8), another spelling (Text/Plain) or repeated headers joined into one value make"
                    + " them ignore the policy.",
            "RFC 8461 §3.2", "B12",
            "Hand-written fetchers that compare header strings instead of parsing the media type, and code written to"
                    + " the draft's 'MUST be text/plain' (mrisher/smtp-sts issue 175 asked whether parameters were"
                    + " allowed); the EFF's STARTTLS checker compared the header exactly and flagged large providers"
                    + " until it was fixed (EFForg/starttls-backend issue 191, pull request 192).",
            true, on(FindingCode.POLICY_CONTENT_TYPE)),

    /**
     * Decode the body as US-ASCII unless the {@code Content-Type} names a charset, and give up on any byte over
     * {@code 0x7F}: a UTF-8 extension value, which RFC 8461 §3.2 allows (C12, C17), served without
     * {@code charset=utf-8} makes them drop the policy. postfix-mta-sts-resolver decodes with the response's
     * charset, else {@code ascii} ({@code resolver.py}).
     */
    ASCII_BODY(Effect.REJECTS, "senders that read the body as US-ASCII",
            "Decode the policy as US-ASCII unless the Content-Type names a charset, and give up on any byte over"
                    + " 0x7F, so a UTF-8 extension value served without charset=utf-8 makes them drop the policy.",
            "RFC 8461 §3.2", "C12, C17",
            "Fetchers that take the charset from the Content-Type with US-ASCII as the default:"
                    + " postfix-mta-sts-resolver decodes the body with the response's charset, else 'ascii'"
                    + " (resolver.py).",
            true),

    /**
     * Reject the whole policy at a blank or whitespace-only line, or at a second line ending after the last field:
     * the strict reading of the §3.2 grammar, which this library shares (C2), so these findings are already
     * {@code ERROR}s; lenient parsers skip the line. go-mtasts ({@code mtasts.go}, {@code readPolicy}) rejects it.
     */
    REJECTS_BLANK_LINE(Effect.REJECTS, "senders that reject a blank line",
            "Reject the whole policy at a blank or whitespace-only line, or at a second line ending after the last"
                    + " field (the strict reading of the §3.2 grammar, which this library shares; lenient parsers"
                    + " skip the line).",
            "RFC 8461 §3.2", "C2",
            "Parsers that demand 'name: value' on every line they split off: go-mtasts (mtasts.go, readPolicy) rejects"
                    + " a policy with an empty line.",
            false, on(FindingCode.POLICY_SYNTAX, ProblemCode.POLICY_BLANK_LINE)),

    /**
     * Reject a policy without {@code mx} whatever its mode, although RFC 8461 §3.2 requires {@code mx} only in
     * {@code testing} and {@code enforce} (C8). Senders that reject a {@code mode: none} policy keep applying one they
     * cached earlier (§3.3, F6) until it expires, which defeats a removal by §8.3. Stalwart's policy parser answers
     * "No 'mx' entries found." ({@code crates/smtp/src/outbound/mta_sts/parse.rs}).
     */
    REQUIRES_MX_IN_MODE_NONE(Effect.REJECTS, "senders that require mx even in mode none",
            "Reject a policy without any mx field whatever its mode; a mode none policy without mx is not read, and"
                    + " such senders keep applying a policy they cached earlier until it expires.",
            "RFC 8461 §3.2", "C8",
            "Parsers that check for mx before they look at the mode: Stalwart's policy parser answers \"No 'mx'"
                    + " entries found.\" (crates/smtp/src/outbound/mta_sts/parse.rs).",
            true),

    /**
     * Split each line at every {@code :} and reject a line that does not give exactly a name and a value, so an
     * extension value with a {@code :} (a URL, a time), which RFC 8461 §3.2 allows (C12), makes them reject the
     * whole policy. go-mtasts ({@code mtasts.go}, {@code strings.Split}) and the checkdmarc checker do.
     */
    SPLITS_AT_EVERY_COLON(Effect.REJECTS, "senders that split lines at every ':'",
            "Split each line at every ':' and reject a line that does not give exactly a name and a value, so an"
                    + " extension value with ':' (a URL, a time) makes them reject the whole policy.",
            "RFC 8461 §3.2", "C12",
            "Hand-written parsers that split at every separator instead of the first: go-mtasts (mtasts.go,"
                    + " strings.Split on ':') and the checkdmarc checker (checkdmarc/mta_sts.py).",
            true),

    /**
     * Stop reading at 64 KiB, the limit RFC 8461 §3.3 suggests (B15), and drop a larger policy: these findings are
     * already {@code ERROR}s. postfix-mta-sts-resolver's limit is {@code 64 * 1024} ({@code constants.py}).
     */
    BODY_CAP(Effect.REJECTS, "senders that cap the body at 64 KiB",
            "Stop reading at 64 KiB, the limit RFC 8461 §3.3 suggests, and drop the policy when the body or its"
                    + " Content-Length is larger.",
            "RFC 8461 §3.3", "B15",
            "Fetchers that apply the suggested limit: postfix-mta-sts-resolver's HARD_RESP_LIMIT is 64 * 1024 bytes"
                    + " (constants.py), checked against Content-Length and the bytes read.",
            false, on(FindingCode.POLICY_TOO_LARGE)),

    /**
     * Allow a few seconds for the DNS look-ups and the HTTPS fetch instead of the minute RFC 8461 §3.3 suggests
     * (B15), and treat a slower domain as having no policy. postfix-mta-sts-resolver waits 4 s by default for the
     * TXT record and 4 s for the whole fetch ({@code defaults.py}, {@code resolver.py}).
     */
    SHORT_TIMEOUT(Effect.REJECTS, "senders that give up after a few seconds",
            "Allow a few seconds (2 to 15) instead of the minute RFC 8461 §3.3 suggests for the DNS look-ups and the"
                    + " HTTPS fetch, and treat a slower domain as having no policy.",
            "RFC 8461 §3.3", "B15",
            "Resolvers built on a generic DNS or HTTP client with a short default time-out: postfix-mta-sts-resolver"
                    + " waits 4 s by default for the _mta-sts record and 4 s for the whole fetch, address look-up"
                    + " included (defaults.py, resolver.py).",
            true, on(FindingCode.POLICY_SLOW), on(FindingCode.POLICY_TIMEOUT)),

    /**
     * Count (or join) every TXT record at {@code _mta-sts} instead of discarding those that do not begin with
     * {@code v=STSv1;} (RFC 8461 §3.1, A11), so an SPF or verification record there makes them see no policy.
     * go-mtasts takes a policy only when the look-up returns exactly one record ({@code cache.go}).
     */
    FAILS_ON_UNRELATED_TXT(Effect.REJECTS, "senders that fail on an unrelated TXT record",
            "Count (or join) every TXT record at _mta-sts instead of discarding those that do not begin with"
                    + " v=STSv1;, so an SPF or verification record there makes them see no policy.",
            "RFC 8461 §3.1", "A11",
            "Resolvers that count the TXT answer before filtering it: go-mtasts takes a policy only when the look-up"
                    + " returns exactly one record (cache.go); the checkdmarc checker rejects any unrelated record"
                    + " (checkdmarc/mta_sts.py).",
            false, on(FindingCode.STS_UNRELATED_RECORD)),

    /**
     * Keep the last of a repeated {@code mode}, {@code max_age} or {@code version}, where RFC 8461 §3.2 keeps the
     * first (C13): {@code mode: testing} then {@code mode: enforce} is testing for RFC senders and enforce for
     * these. go-mtasts, postfix-mta-sts-resolver, mailauth and Stalwart store each field as they read it.
     */
    LAST_DUPLICATE_WINS(Effect.READS_OTHERWISE, "senders that keep the last of a repeated field",
            "Overwrite a repeated mode, max_age or version with its last value, where RFC senders keep the first:"
                    + " 'mode: testing' then 'mode: enforce' is testing for RFC senders and enforce for these.",
            "RFC 8461 §3.2", "C13",
            "Parsers that store each field as they read it: go-mtasts (mtasts.go), postfix-mta-sts-resolver"
                    + " (utils.py, parse_mta_sts_policy), mailauth (lib/mta-sts.js, parsePolicy) and Stalwart"
                    + " (crates/smtp/src/outbound/mta_sts/parse.rs).",
            false, on(FindingCode.POLICY_NOTE, ProblemCode.FIELD_DUPLICATE)),

    /**
     * Let {@code *.example.com} match {@code a.b.example.com} (a suffix test), where RFC 8461 §4.1 matches exactly
     * one label (D5): they deliver to an MX host that RFC senders refuse, so mail from them arrives and hides the
     * problem. mailauth's {@code validateMx} ({@code lib/mta-sts.js}) tests a suffix.
     */
    ANY_DEPTH_WILDCARD(Effect.HIDES, "senders that match wildcards at any depth",
            "Let *.example.com match a.b.example.com (a suffix test), so they deliver to an MX host that RFC senders"
                    + " refuse: mail from them arrives, which hides the problem.",
            "RFC 8461 §4.1", "D5",
            "Matchers that test a string suffix instead of one label: mailauth's validateMx (lib/mta-sts.js).",
            false, on(FindingCode.MX_WILDCARD_TOO_DEEP)),

    /**
     * Follow a redirect and use what is served at its target, where RFC 8461 §3.3 forbids following it (B10): the
     * policy seems to work from them, which hides the problem. Generic HTTP clients follow redirects by default; the
     * checkdmarc checker fetches with those defaults ({@code checkdmarc/mta_sts.py}).
     */
    FOLLOWS_REDIRECTS(Effect.HIDES, "senders that follow redirects",
            "Follow a 3xx to wherever it points and use what is served there, where RFC senders see no policy: the"
                    + " policy seems to work from them, which hides the problem.",
            "RFC 8461 §3.3", "B10",
            "Fetchers built on a generic HTTP client with redirects left on (Python requests and Go net/http follow"
                    + " them by default): the checkdmarc checker fetches the policy with requests' defaults"
                    + " (checkdmarc/mta_sts.py).",
            false, on(FindingCode.POLICY_REDIRECT));

    /**
     * What a class does with a deployment that concerns it, next to what a sender following RFC 8461 does.
     *
     * @since 0.2.0
     */
    public enum Effect {
        /** They ignore or reject the policy (or give up on it), so they neither enforce nor report it. */
        REJECTS("rejected by"),
        /** They read the policy, but apply another value of a field than RFC senders do. */
        READS_OTHERWISE("read otherwise by"),
        /** They accept, or deliver where, RFC senders refuse: mail from them arrives, which hides the problem. */
        HIDES("accepted anyway by");

        private final String words;

        Effect(String words) {
            this.words = words;
        }

        /** @return the effect in words, to put before a list of classes ({@code "rejected by"}) */
        public String words() {
            return words;
        }
    }

    /**
     * A finding code, with the parser problem behind it or the severity it has when only findings of that problem,
     * or of that severity, concern the class.
     */
    private record Trigger(FindingCode code, Optional<ProblemCode> problem, Optional<Severity> severity) {
        boolean matches(FindingCode c, Optional<ProblemCode> p, Severity s) {
            return code == c && (problem.isEmpty() || problem.equals(p)) && (severity.isEmpty() || severity.get() == s);
        }
    }

    private static Trigger on(FindingCode code) {
        return new Trigger(code, Optional.empty(), Optional.empty());
    }

    private static Trigger on(FindingCode code, ProblemCode problem) {
        return new Trigger(code, Optional.of(problem), Optional.empty());
    }

    private static Trigger on(FindingCode code, Severity severity) {
        return new Trigger(code, Optional.empty(), Optional.of(severity));
    }

    private final Effect effect;
    private final String title;
    private final String behaviour;
    private final String reference;
    private final String rule;
    private final String kinds;
    private final boolean raisesInteropRisk;
    private final List<Trigger> triggers;

    SenderClass(Effect effect, String title, String behaviour, String reference, String rule, String kinds,
                boolean raisesInteropRisk, Trigger... triggers) {
        this.effect = effect;
        this.title = title;
        this.behaviour = behaviour;
        this.reference = reference;
        this.rule = rule;
        this.kinds = kinds;
        this.raisesInteropRisk = raisesInteropRisk;
        this.triggers = List.of(triggers);
    }

    /** @return what the class does with a deployment that concerns it */
    public Effect effect() {
        return effect;
    }

    /** @return a short title in words, such as {@code "senders that require text/plain"} */
    public String title() {
        return title;
    }

    /** @return the behaviour, in a sentence or two */
    public String behaviour() {
        return behaviour;
    }

    /** @return the RFC section the behaviour departs from or reads strictly, such as {@code "RFC 8461 §3.2"} */
    public String reference() {
        return reference;
    }

    /** @return the rule ids of {@code docs/rfc-readings.md} at stake, such as {@code "C8"} or {@code "B12, B13"} */
    public String rule() {
        return rule;
    }

    /** @return the kinds of software known to behave so, with the public source of each claim */
    public String kinds() {
        return kinds;
    }

    /**
     * @return true when the validator raises an {@link FindingCode#INTEROP_RISK} naming this class wherever RFC 8461
     *         allows what the class rejects (a {@code WARNING}, but for the one {@code INFO} the type describes)
     */
    public boolean raisesInteropRisk() {
        return raisesInteropRisk;
    }

    /**
     * @return every finding code whose findings can name this class, in catalogue order ({@code INTEROP_RISK}
     *         included when {@link #raisesInteropRisk()})
     */
    public List<FindingCode> findingCodes() {
        return Arrays.stream(FindingCode.values())
                .filter(c -> (c == FindingCode.INTEROP_RISK && raisesInteropRisk)
                        || triggers.stream().anyMatch(t -> t.code() == c))
                .toList();
    }

    /**
     * @param code a finding code
     * @return the parser problem a finding of that code must carry to name this class, when only some do
     *         ({@code POLICY_BLANK_LINE} for {@code POLICY_SYNTAX})
     */
    public Optional<ProblemCode> problemFor(FindingCode code) {
        Objects.requireNonNull(code, "code");
        return triggers.stream().filter(t -> t.code() == code).findFirst().flatMap(Trigger::problem);
    }

    /**
     * @param code a finding code
     * @return the severity a finding of that code must have to name this class, when only some do
     *         ({@code ERROR} for {@code POLICY_CONTENT_TYPE} and {@link #REQUIRES_TEXT_PLAIN}: they read the first of
     *         repeated headers that all say {@code text/plain}, which is a {@code WARNING})
     */
    public Optional<Severity> severityFor(FindingCode code) {
        Objects.requireNonNull(code, "code");
        return triggers.stream().filter(t -> t.code() == code).findFirst().flatMap(Trigger::severity);
    }

    /**
     * The classes that every finding of a code, parser problem and severity concerns, in this enum's order. Empty
     * for {@link FindingCode#INTEROP_RISK}, whose findings name their classes one by one.
     *
     * @param code     the finding's code
     * @param problem  the parser problem behind the finding, if any
     * @param severity the finding's severity
     * @return the classes, possibly none
     */
    public static List<SenderClass> of(FindingCode code, Optional<ProblemCode> problem, Severity severity) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(severity, "severity");
        return Arrays.stream(values())
                .filter(c -> c.triggers.stream().anyMatch(t -> t.matches(code, problem, severity))).toList();
    }
}
