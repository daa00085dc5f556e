package dev.mtasts.tests.docs;

import dev.mtasts.DomainName;
import dev.mtasts.ValidationListener;
import dev.mtasts.Validator;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.testkit.MtaStsSandbox;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * What a documentation example may use without declaring it. Each example is compiled as the body of
 * {@link #run()} in a class that extends this one, so these fields are in scope; an example that declares a
 * variable of the same name hides the field, as a reader expects.
 *
 * <table>
 * <caption>The context of an example</caption>
 * <tr><th>name</th><th>type</th><th>when an example runs</th></tr>
 * <tr><td>{@code domain}</td><td>{@link DomainName}</td><td>{@code example.com}</td></tr>
 * <tr><td>{@code text}</td><td>{@code String}</td><td>a valid policy: {@value #POLICY_TEXT}</td></tr>
 * <tr><td>{@code policy}</td><td>{@link MtaStsPolicy}</td><td>{@code text}, parsed</td></tr>
 * <tr><td>{@code sandbox}</td><td>{@link MtaStsSandbox}</td><td>a new sandbox, with {@code example.com}</td></tr>
 * <tr><td>{@code resolver}</td><td>{@link DnsResolver}</td><td>{@code sandbox.resolver()}</td></tr>
 * <tr><td>{@code fetcher}</td><td>{@link PolicyFetcher}</td><td>{@code sandbox.fetcher()}</td></tr>
 * <tr><td>{@code fetch}</td><td>{@link PolicyFetch}</td><td>{@code example.com}'s policy, fetched by
 *     {@code fetcher}</td></tr>
 * <tr><td>{@code validator}</td><td>{@link Validator}</td><td>{@code sandbox.validatorBuilder().build()}</td></tr>
 * <tr><td>{@code report}</td><td>{@link ValidationReport}</td><td>{@code validator.validate("example.com")}:
 *     {@code ENFORCING}, with a snapshot</td></tr>
 * <tr><td>{@code root}</td><td>{@link X509Certificate}</td><td>the sandbox's root certificate</td></tr>
 * <tr><td>{@code progress}</td><td>{@link ValidationListener}</td><td>a listener that does nothing</td></tr>
 * </table>
 *
 * <p>Anything else an example uses it declares (or takes from these: {@code sandbox.dnsServer()},
 * {@code sandbox.authority()}). Helper methods of the reader's own ({@code use(x)}, {@code log.warn}) are not part
 * of the context: an example prints with {@code System.out.println} instead.
 */
public abstract class SnippetContext {

    /** The policy text {@link #text} holds when an example runs. */
    public static final String POLICY_TEXT = "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n";

    /** The {@code _mta-sts} record of every domain {@link #deploy} publishes. */
    static final String STS_RECORD = "v=STSv1; id=20260101T000000";

    protected DomainName domain;
    protected String text;
    protected MtaStsPolicy policy;
    protected MtaStsSandbox sandbox;
    protected DnsResolver resolver;
    protected PolicyFetcher fetcher;
    protected PolicyFetch fetch;
    protected Validator validator;
    protected ValidationReport report;
    protected X509Certificate root;
    protected ValidationListener progress;

    /** The reports the example's own {@code ValidationReport} variables held, when it ran. */
    final List<ValidationReport> observed = new ArrayList<>();

    /** For the generated subclasses. */
    protected SnippetContext() {
    }

    /**
     * Publishes a working deployment of a domain in a sandbox: record, policy ({@code mx: mx1.<name>}, enforce),
     * MX and TLS-RPT record.
     *
     * @param sandbox the sandbox
     * @param name    the domain, such as {@code example.com}
     */
    static void deploy(MtaStsSandbox sandbox, String name) {
        sandbox.domain(name)
                .stsRecord(STS_RECORD)
                .policy(POLICY_TEXT.replace("example.com", name))
                .mx(10, "mx1." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls-reports@" + name);
    }

    /**
     * Gives every variable of the context the value of the table, for a run of the example.
     *
     * @param fresh a sandbox of this example's own, which it may change at will
     * @throws Exception when the sandbox's fetch fails or times out, or the fetch or report is not the one the
     *                   table promises
     */
    final void prepare(MtaStsSandbox fresh) throws Exception {
        deploy(fresh, "example.com");
        domain = DomainName.of("example.com");
        text = POLICY_TEXT;
        policy = MtaStsPolicy.parse(text);
        sandbox = fresh;
        resolver = fresh.resolver();
        fetcher = fresh.fetcher();
        fetch = fetcher.fetch(PolicyFetchRequest.of(domain.prefixedWith("mta-sts"),
                List.of(InetAddress.getByName(MtaStsSandbox.SERVER_ADDRESS)))).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        validator = fresh.validatorBuilder().build();
        report = validator.validate(domain.value());
        if (fetch.outcome() != FetchOutcome.OK || report.verdict() != Verdict.ENFORCING
                || report.snapshot().isEmpty()) {
            throw new IllegalStateException("the context is not what the examples are told: fetch " + fetch.outcome()
                    + " (" + fetch.detail() + "), report " + report.verdict() + " " + report.findings());
        }
        root = fresh.authority().rootCertificate();
        progress = ValidationListener.NONE;
    }

    /**
     * The example.
     *
     * @throws Exception whatever the example throws
     */
    public abstract void run() throws Exception;

    /**
     * Called (when an example runs) right after each declaration of a {@code ValidationReport} variable of the
     * example: records the report, so the test can tell the example produced one, for which domain.
     *
     * @param value the variable's value
     * @return the value
     */
    protected final ValidationReport observe(ValidationReport value) {
        observed.add(value);
        return value;
    }

    /**
     * As {@link #observe(ValidationReport)}, for a {@code CompletableFuture<ValidationReport>} variable: waits at
     * most a minute for the report.
     *
     * @param value the variable's value
     * @return the value
     * @throws Exception when the stage failed or did not complete within a minute
     */
    protected final CompletionStage<ValidationReport> observe(CompletionStage<ValidationReport> value)
            throws Exception {
        observed.add(value.toCompletableFuture().get(1, TimeUnit.MINUTES));
        return value;
    }
}
