package dev.mtasts.validate;

import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * When a certificate of the policy host or of an MX host counts as about to expire: when it expires within the
 * horizon, which is {@link #MINIMUM 14 days} (or what {@code Validator.Builder.certificateExpiryWarning} sets), or
 * the {@code max_age} of the policy senders apply when that is longer (not for {@code mode: none}, which makes
 * senders insist on nothing). A value: the horizon of one validation.
 *
 * <p>Why {@code max_age}: a sender that fetches the policy now caches it for {@code max_age} (RFC 8461 §5.1).
 * <ul>
 *   <li>An MX host: for all that time the sender insists on a valid certificate for the MX host (in
 *       {@code enforce} it refuses the host, in {@code testing} it reports the failure). Renewing late is no longer
 *       something the domain owner can step back from: publishing {@code mode: none} today reaches only the senders
 *       that fetch after it, and those holding the cached policy keep it until its {@code max_age} runs out.</li>
 *   <li>The policy host: the sender must fetch from it again within {@code max_age}, to pick up a change announced
 *       by a new {@code id} and to refresh the cached policy before it lapses (§5.1 advises refreshing well
 *       before). A fetch needs a valid certificate (§3.3): once it expires, the sender keeps applying what it cached
 *       (refusing an MX host added since, in {@code enforce}) until the cache runs out, then applies no policy. So
 *       the certificate that carries the updates must outlast the commitment a policy published today makes.</li>
 * </ul>
 * A certificate that has already expired is not "about to expire": the TLS failure codes
 * ({@code POLICY_TLS_EXPIRED}, {@code MX_CERT_EXPIRED}) say so.
 *
 * @param horizon  how far ahead a certificate must stay valid
 * @param byMaxAge true when the policy's {@code max_age} set the horizon (it is longer than the minimum)
 * @param maxAge   that policy's {@code max_age}, when there is a policy senders apply
 */
record CertificateExpiry(Duration horizon, boolean byMaxAge, Optional<Duration> maxAge) {

    /** The default horizon without a policy, or with one whose {@code max_age} is shorter: 14 days. */
    static final Duration MINIMUM = dev.mtasts.Validator.DEFAULT_CERTIFICATE_EXPIRY_WARNING;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    CertificateExpiry {
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(maxAge, "maxAge");
    }

    /**
     * @param minimum the horizon without a (longer) {@code max_age}; positive
     * @param usable  the policy senders apply, if any
     * @return the horizon of a validation
     */
    static CertificateExpiry of(Duration minimum, Optional<MtaStsPolicy> usable) {
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(usable, "usable");
        if (minimum.isNegative() || minimum.isZero()) {
            throw new IllegalArgumentException("the expiry warning needs a positive horizon, not " + minimum);
        }
        Optional<Duration> maxAge = usable.filter(p -> p.mode() != PolicyMode.NONE).map(MtaStsPolicy::maxAge);
        boolean byMaxAge = maxAge.map(m -> m.compareTo(minimum) > 0).orElse(false);
        return new CertificateExpiry(byMaxAge ? maxAge.get() : minimum, byMaxAge, maxAge);
    }

    /** @return true when the certificate is valid now but not until the horizon */
    boolean expiresSoon(CertificateFacts leaf, Instant now) {
        return leaf.notAfter().isAfter(now) && leaf.notAfter().isBefore(now.plus(horizon));
    }

    /** @return the date in UTC, ISO 8601: {@code 2026-12-11} */
    static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** @return "on 2026-12-11 (UTC), in 10 days" */
    static String when(CertificateFacts leaf, Instant now) {
        long days = leaf.daysLeft(now);
        return "on " + date(leaf.notAfter()) + " (UTC), in " + days + (days == 1 ? " day" : " days");
    }

    /**
     * @param now the time of the check
     * @return why that is too soon: "within 14 days" or "before a policy cached now with max_age ... runs out on ..."
     */
    String tooSoon(Instant now) {
        if (!byMaxAge) {
            return "within " + days(horizon);
        }
        Duration m = maxAge.orElseThrow();
        return "within the policy's max_age of " + m.toSeconds() + " seconds (" + days(m) + "): a policy cached now"
                + " is kept until " + date(now.plus(m));
    }

    /** @return "30 days", "1 day", "12 hours" */
    static String days(Duration d) {
        long days = d.toDays();
        if (days == 0) {
            long hours = d.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return days + (days == 1 ? " day" : " days");
    }
}
