package dev.mtasts.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.ValidationListener;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.DnsAnswer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ValidationListenerTest extends SandboxTest {

    @BeforeAll
    static void publishDomain() {
        sandbox.domain("heard.test").stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1.heard.test")
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@heard.test")
                .policy(E2e.policy("enforce", 604800, "mx1.heard.test"));
    }

    /** Records every event as a line, in the order heard. */
    static final class Recorder extends ValidationListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<ValidationReport> reports = new CopyOnWriteArrayList<>();

        @Override
        public void validationStarted(DomainName domain) {
            events.add("started " + domain);
        }

        @Override
        public void dnsAnswered(DomainName domain, DnsAnswer answer) {
            events.add("dns " + answer.result().name() + " " + answer.outcome());
        }

        @Override
        public void policyFetchStarted(DomainName domain, PolicyFetchRequest request) {
            events.add("fetch started " + request.host());
        }

        @Override
        public void policyFetchEnded(DomainName domain, PolicyFetch fetch) {
            events.add("fetch ended " + fetch.outcome());
        }

        @Override
        public void mxProbeEnded(DomainName domain, dev.mtasts.probe.MxProbe probe) {
            events.add("probe " + probe.host() + " " + probe.outcome());
        }

        @Override
        public void validationEnded(ValidationReport report) {
            events.add("ended " + report.verdict());
            reports.add(report);
        }
    }

    @Test
    void listenerHearsEveryStepInOrderAndTheSameReport() {
        Recorder recorder = new Recorder();
        Validator validator = sandbox.validatorBuilder().listener(recorder).build();

        ValidationReport report = validator.validate("heard.test");

        assertThat(recorder.events.get(0)).isEqualTo("started heard.test");
        assertThat(recorder.events).contains("dns _mta-sts.heard.test FOUND", "dns heard.test FOUND",
                "dns _smtp._tls.heard.test FOUND", "dns mta-sts.heard.test FOUND",
                "fetch started mta-sts.heard.test", "fetch ended " + FetchOutcome.OK);
        assertThat(recorder.events.indexOf("dns mta-sts.heard.test FOUND"))
                .isLessThan(recorder.events.indexOf("fetch started mta-sts.heard.test"));
        assertThat(recorder.events.indexOf("fetch started mta-sts.heard.test"))
                .isLessThan(recorder.events.indexOf("fetch ended OK"));
        assertThat(recorder.events).contains("dns mx1.heard.test FOUND", "dns _25._tcp.mx1.heard.test NXDOMAIN",
                "probe mx1.heard.test STARTTLS_OK");
        assertThat(recorder.events.indexOf("dns mx1.heard.test FOUND"))
                .isLessThan(recorder.events.indexOf("probe mx1.heard.test STARTTLS_OK"));
        assertThat(recorder.events.get(recorder.events.size() - 1)).isEqualTo("ended ENFORCING");
        assertThat(recorder.events).hasSize(11);
        assertThat(recorder.reports).containsExactly(report);
    }

    @Test
    void listenerThatThrowsChangesNothing() {
        ValidationListener throwing = new ValidationListener() {
            @Override
            public void dnsAnswered(DomainName domain, DnsAnswer answer) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void validationEnded(ValidationReport report) {
                throw new IllegalStateException("listener bug");
            }
        };
        Validator validator = sandbox.validatorBuilder().listener(throwing).build();

        ValidationReport report = validator.validate("heard.test");

        assertThat(report.verdict()).isEqualTo(Verdict.ENFORCING);
        assertThat(report.findings()).extracting(f -> f.code())
                .containsExactly(dev.mtasts.report.FindingCode.TLSRPT_SAME_DOMAIN);   // the advice of a same-domain rua in enforce
    }
}
