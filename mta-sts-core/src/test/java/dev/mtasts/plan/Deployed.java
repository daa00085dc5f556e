package dev.mtasts.plan;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.report.Observations;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResult;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.MxRecord;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TxtRecord;
import dev.mtasts.validate.ReportAssembler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A deployment as a live validation would have seen it, built by hand for the planner's tests and assembled into a
 * real report by {@link ReportAssembler}: a record, MX hosts, a policy served as text/plain, TLS-RPT, and the TTLs
 * the resolver gave.
 */
final class Deployed {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ID = "20261101T000000";

    private final DomainName domain;
    private Optional<String> record = Optional.of("v=STSv1; id=" + ID);
    private List<String> mx = List.of();
    private boolean mxFails;
    private boolean everythingTimesOut;
    private Optional<String> policy = Optional.empty();
    private int status = 200;
    private Duration txtTtl = Duration.ZERO;
    private Duration mxTtl = Duration.ZERO;

    private Deployed(String domain) {
        this.domain = DomainName.of(domain);
    }

    /** @return example.com with a record, MX mx1.example.com and a policy in this mode listing the patterns */
    static Deployed policy(String mode, long maxAge, String... patterns) {
        return new Deployed("example.com").mx("mx1.example.com").serve(text(mode, maxAge, patterns));
    }

    /** @return example.com with MX mx1.example.com and no MTA-STS at all */
    static Deployed nothing() {
        Deployed d = new Deployed("example.com").mx("mx1.example.com");
        d.record = Optional.empty();
        return d;
    }

    static String text(String mode, long maxAge, String... patterns) {
        StringBuilder out = new StringBuilder("version: STSv1\r\nmode: ").append(mode).append("\r\n");
        for (String p : patterns) {
            out.append("mx: ").append(p).append("\r\n");
        }
        return out.append("max_age: ").append(maxAge).append("\r\n").toString();
    }

    Deployed mx(String... hosts) {
        mx = List.of(hosts);
        return this;
    }

    Deployed mxFails() {
        mxFails = true;
        return this;
    }

    Deployed serve(String body) {
        policy = Optional.of(body);
        return this;
    }

    Deployed status(int code) {
        status = code;
        return this;
    }

    Deployed record(String text) {
        record = Optional.of(text);
        return this;
    }

    Deployed ttls(Duration stsTxt, Duration mxRecords) {
        txtTtl = stsTxt;
        mxTtl = mxRecords;
        return this;
    }

    /** Every look-up times out: the validation cannot run. */
    Deployed unreachable() {
        everythingTimesOut = true;
        return this;
    }

    ValidationReport report() {
        DomainName stsName = domain.prefixedWith("_mta-sts");
        DomainName policyHost = domain.prefixedWith("mta-sts");
        DomainName rptName = domain.prefixedWith("_smtp._tls");
        if (everythingTimesOut) {
            Observations none = new Observations(
                    Optional.of(TxtAnswer.failure(stsName, DnsOutcome.TIMEOUT, "test")),
                    MxAnswer.failure(domain, DnsOutcome.TIMEOUT, "test"),
                    Optional.of(TxtAnswer.failure(rptName, DnsOutcome.TIMEOUT, "test")),
                    Optional.of(AddressAnswer.failure(policyHost, DnsOutcome.TIMEOUT, "test")), List.of(),
                    Optional.empty());
            return ReportAssembler.assemble(domain, NOW, Duration.ZERO, none, Optional.empty());
        }
        TxtAnswer sts = record.map(r -> new TxtAnswer(DnsResult.of(stsName, DnsOutcome.FOUND).withTtl(txtTtl),
                List.of(TxtRecord.of(r)))).orElseGet(() -> TxtAnswer.nxdomain(stsName));
        MxAnswer mxAnswer;
        if (mxFails) {
            mxAnswer = MxAnswer.failure(domain, DnsOutcome.SERVFAIL, "test");
        } else {
            List<MxRecord> records = new ArrayList<>();
            for (int i = 0; i < mx.size(); i++) {
                records.add(new MxRecord(10 * (i + 1), DomainName.of(mx.get(i))));
            }
            mxAnswer = new MxAnswer(DnsResult.of(domain, DnsOutcome.FOUND).withTtl(mxTtl), records, false, List.of());
        }
        TxtAnswer rpt = TxtAnswer.found(rptName, "v=TLSRPTv1; rua=mailto:tls@reports.example.net");
        Optional<AddressAnswer> addresses = Optional.of(policy.isPresent()
                ? AddressAnswer.found(policyHost, "192.0.2.1") : AddressAnswer.nxdomain(policyHost));
        Optional<PolicyFetch> fetch = policy.map(body -> PolicyFetch.builder(status == 200 ? FetchOutcome.OK
                        : FetchOutcome.HTTP_STATUS).statusCode(status).header("Content-Type", "text/plain")
                .body(body.getBytes(StandardCharsets.UTF_8)).elapsed(Duration.ofMillis(50)).build());
        Observations seen = new Observations(Optional.of(sts), mxAnswer, Optional.of(rpt), addresses, List.of(),
                fetch);
        return ReportAssembler.assemble(domain, NOW, Duration.ZERO, seen, Optional.empty());
    }

    ChangePlan plan(ChangeRequest change) {
        return ChangePlanner.plan(report(), change, CLOCK);
    }
}
