package dev.mtasts.policy;

import dev.mtasts.internal.Quoting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the members of a draft-era JSON policy ({@link DraftJsonPolicy}) say in RFC 8461 terms, and the sentence of the
 * {@link dev.mtasts.ProblemCode#POLICY_JSON} problem: the lines to publish instead when every required field can be
 * read, else what could not be. {@code "mode": "report"} reads as {@code testing} (the drafts' name for it), a
 * leading-dot suffix {@code ".example.com"} as {@code *.example.com}, and {@code max_age} as a number or a string of
 * digits.
 *
 * @param version    {@code STSv1} when the JSON says so
 * @param mode       the mode, with {@code report} read as {@code testing}
 * @param mx         the patterns that read as valid, in order
 * @param maxAge     {@code max_age} in seconds, when in range
 * @param notes      what changed on the way ({@code 'report' is today's 'testing'})
 * @param unreadable what could not be read ({@code mode 'strict' is not enforce, testing or none})
 */
record DraftJsonReading(Optional<String> version, Optional<PolicyMode> mode, List<MxPattern> mx, Optional<Long> maxAge,
                        List<String> notes, List<String> unreadable) {

    /** How many mx lines the message writes out before "and N more". */
    private static final int MX_LISTED = 5;

    DraftJsonReading {
        mx = List.copyOf(mx);
        notes = List.copyOf(notes);
        unreadable = List.copyOf(unreadable);
    }

    static DraftJsonReading of(Map<String, List<String>> members) {
        List<String> notes = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Optional<String> version = first(members, PolicyField.VERSION).filter(MtaStsPolicy.VERSION_STSV1::equals);
        Optional<PolicyMode> mode = mode(first(members, PolicyField.MODE), notes, unreadable);
        List<MxPattern> mx = new ArrayList<>();
        for (String value : members.getOrDefault(PolicyField.MX, List.of())) {
            mx(value.strip(), mx, notes, unreadable);
        }
        Optional<Long> maxAge = maxAge(first(members, PolicyField.MAX_AGE), unreadable);
        if (members.containsKey("policy_id")) {
            notes.add("its 'policy_id' is now the id of the _mta-sts TXT record");
        }
        if (mode.isPresent() && mode.get() != PolicyMode.NONE && mx.isEmpty() && unreadable.isEmpty()) {
            unreadable.add("it has no mx pattern");
        }
        return new DraftJsonReading(version, mode, mx, maxAge, notes, unreadable);
    }

    private static Optional<String> first(Map<String, List<String>> members, String name) {
        List<String> values = members.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static Optional<PolicyMode> mode(Optional<String> value, List<String> notes, List<String> unreadable) {
        if (value.isEmpty()) {
            unreadable.add("it has no mode");
            return Optional.empty();
        }
        if (value.get().equals("report")) {
            notes.add("the drafts' mode 'report' is today's 'testing'");
            return Optional.of(PolicyMode.TESTING);
        }
        Optional<PolicyMode> mode = PolicyMode.fromToken(value.get());
        if (mode.isEmpty()) {
            unreadable.add("its mode " + Quoting.quotedText(value.get()) + " is not enforce, testing or none");
        }
        return mode;
    }

    private static void mx(String value, List<MxPattern> mx, List<String> notes, List<String> unreadable) {
        boolean leadingDot = value.startsWith(".") && !value.startsWith("..");
        String pattern = leadingDot ? "*" + value : value;
        if (MxPattern.defect(pattern).isPresent()) {
            unreadable.add("its mx " + Quoting.quotedText(value) + " is not a host name");
            return;
        }
        if (leadingDot && notes.stream().noneMatch(n -> n.startsWith("a leading-dot"))) {
            notes.add("a leading-dot suffix such as " + Quoting.quotedText(value) + " is written "
                    + Quoting.quotedText(pattern) + ", which covers exactly one label");
        }
        mx.add(MxPattern.ofValid(pattern));
    }

    private static Optional<Long> maxAge(Optional<String> value, List<String> unreadable) {
        if (value.isEmpty()) {
            unreadable.add("it has no max_age");
            return Optional.empty();
        }
        String digits = value.get();
        if (!digits.isEmpty() && digits.length() <= 10 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long seconds = Long.parseLong(digits);
            if (seconds <= MtaStsPolicy.MAX_AGE_LIMIT_SECONDS) {
                return Optional.of(seconds);
            }
        }
        unreadable.add("its max_age " + Quoting.quotedText(digits) + " is not whole seconds up to "
                + MtaStsPolicy.MAX_AGE_LIMIT_SECONDS);
        return Optional.empty();
    }

    /** @return the policy the JSON means, when every required field could be read */
    Optional<MtaStsPolicy> policy() {
        if (!unreadable.isEmpty() || mode.isEmpty() || maxAge.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MtaStsPolicy(MtaStsPolicy.VERSION_STSV1, mode.get(), mx,
                java.time.Duration.ofSeconds(maxAge.get()), List.of()));
    }

    /**
     * @param readable false when the body starts like a JSON object but is not one this reader can read
     * @return the problem's sentence
     */
    String message(boolean readable) {
        String what = readable ? "policy is a JSON object" : "policy starts with '{' like a JSON object";
        String head = what + ", the format of drafts before RFC 8461 (draft-ietf-uta-mta-sts-01 to -06,"
                + " 2016-2017); RFC 8461 policies are 'name: value' lines, so senders ignore it";
        Optional<MtaStsPolicy> policy = readable ? policy() : Optional.empty();
        if (policy.isEmpty()) {
            String why = readable && !unreadable.isEmpty() ? " (" + String.join(", ", unreadable) + ")" : "";
            return head + ": rewrite it as lines 'version: STSv1', 'mode: testing' (or enforce), one 'mx: <host>' per"
                    + " MX host and 'max_age: <seconds>'" + why;
        }
        List<String> lines = new ArrayList<>();
        lines.add("'version: STSv1'");
        lines.add("'mode: " + policy.get().mode().token() + "'");
        List<MxPattern> patterns = policy.get().mx();
        for (int i = 0; i < Math.min(patterns.size(), MX_LISTED); i++) {
            lines.add("'mx: " + patterns.get(i).text() + "'");
        }
        if (patterns.size() > MX_LISTED) {
            lines.add((patterns.size() - MX_LISTED) + " more mx lines");
        }
        lines.add("'max_age: " + policy.get().maxAgeSeconds() + "'");
        return head + "; publish these lines instead: " + String.join(", ", lines)
                + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
    }
}
