package dev.mtasts.plan;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A change a domain owner means to make: a new set of MX hosts, a new policy, or both. {@link ChangePlanner} (or
 * {@link dev.mtasts.Validator#plan(String, ChangeRequest)}) turns it into a {@link ChangePlan}.
 *
 * <p>{@link #newMx()} is the whole MX set after the change, not the hosts to add: moving from {@code mx1} to
 * {@code mx2} is {@code newMx("mx2.example.com")}, adding {@code mx2} is {@code newMx("mx1.example.com",
 * "mx2.example.com")}. Empty means the MX records stay as they are (a change of policy only). {@link #newPolicy()}
 * is the policy to end with; when absent, the plan ends with the current policy adjusted to the new MX hosts.
 *
 * <p>An immutable value. Each MX host must be a host name an {@code mx} pattern can name (letters, digits and
 * hyphens, RFC 5321 §4.1.2), named once.
 *
 * <pre>{@code
 * ChangeRequest move = ChangeRequest.builder().newMx("mx2.example.com").build();
 * ChangeRequest both = ChangeRequest.builder()
 *         .newMx("mx1.example.net", "mx2.example.net")
 *         .newPolicy("version: STSv1\nmode: enforce\nmx: *.example.net\nmax_age: 604800\n")
 *         .build();
 * }</pre>
 *
 * @param newMx     the MX hosts after the change, in preference order; empty when the MX records do not change
 * @param newPolicy the policy to end with; empty to keep the current one, adjusted to the new MX hosts
 * @since 0.2.0
 */
public record ChangeRequest(List<DomainName> newMx, Optional<MtaStsPolicy> newPolicy) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when nothing changes (no MX host and no policy), a host is named twice, or a
     *                                  host cannot be named by an {@code mx} pattern
     */
    public ChangeRequest {
        Objects.requireNonNull(newMx, "newMx");
        Objects.requireNonNull(newPolicy, "newPolicy");
        newMx = List.copyOf(newMx);
        if (newMx.isEmpty() && newPolicy.isEmpty()) {
            throw new IllegalArgumentException("a change names the new MX hosts, a new policy, or both");
        }
        Set<DomainName> seen = new HashSet<>();
        for (DomainName host : newMx) {
            if (!seen.add(host)) {
                throw new IllegalArgumentException("new MX host " + host + " is named twice");
            }
            try {
                MxPattern.exact(host);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("new MX host " + host + " is not a host name a policy can list"
                        + " (letters, digits and hyphens only): " + e.getMessage(), e);
            }
        }
    }

    /** @return a builder with no MX host and no policy */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true when the MX records change */
    public boolean changesMx() {
        return !newMx.isEmpty();
    }

    /**
     * Builds a {@link ChangeRequest}; not thread-safe. Each setter fails fast with an
     * {@code IllegalArgumentException} naming the bad value.
     *
     * <pre>{@code
     * ChangeRequest change = ChangeRequest.builder().newMx("mx2.example.com").newPolicy(text).build();
     * }</pre>
     *
     * @since 0.2.0
     */
    public static final class Builder {
        private final List<DomainName> mx = new ArrayList<>();
        private Optional<MtaStsPolicy> policy = Optional.empty();

        private Builder() {
        }

        /**
         * Adds MX hosts of the new MX set, in preference order.
         *
         * @param hosts host names as typed or as DNS gives them ({@code MX2.Example.COM.} becomes
         *              {@code mx2.example.com}; Unicode labels become A-labels)
         * @return this builder
         * @throws IllegalArgumentException naming the host when one is not a valid host name
         */
        public Builder newMx(String... hosts) {
            Objects.requireNonNull(hosts, "hosts");
            for (String host : hosts) {
                Objects.requireNonNull(host, "hosts");
                try {
                    mx.add(DomainName.of(host));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("new MX host '" + host + "': " + e.getMessage(), e);
                }
            }
            return this;
        }

        /**
         * Adds MX hosts of the new MX set, in preference order.
         *
         * @param hosts the hosts
         * @return this builder
         */
        public Builder newMx(List<DomainName> hosts) {
            Objects.requireNonNull(hosts, "hosts");
            for (DomainName host : hosts) {
                mx.add(Objects.requireNonNull(host, "hosts"));
            }
            return this;
        }

        /**
         * @param text the policy file to end with, as it will be served; parsed strictly
         * @return this builder
         * @throws IllegalArgumentException when the text is not a valid policy, with the line, column and reason
         */
        public Builder newPolicy(String text) {
            Objects.requireNonNull(text, "text");
            try {
                this.policy = Optional.of(MtaStsPolicy.parse(text));
            } catch (PolicyParseException e) {
                throw new IllegalArgumentException("new policy: " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * @param policy the policy to end with
         * @return this builder
         */
        public Builder newPolicy(MtaStsPolicy policy) {
            this.policy = Optional.of(Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * @return the change
         * @throws IllegalArgumentException when nothing changes, or a host is named twice or cannot be listed
         */
        public ChangeRequest build() {
            return new ChangeRequest(mx, policy);
        }
    }
}
