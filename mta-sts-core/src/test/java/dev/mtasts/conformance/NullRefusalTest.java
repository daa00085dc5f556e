package dev.mtasts.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.AddressPolicy;
import dev.mtasts.BulkOptions;
import dev.mtasts.BulkResult;
import dev.mtasts.BulkSummary;
import dev.mtasts.DomainName;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.ValidationListener;
import dev.mtasts.ValidationRequest;
import dev.mtasts.Validator;
import dev.mtasts.fetcher.AddressFailure;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.MediaType;
import dev.mtasts.fetcher.PlainHttpProbe;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.fetcher.PolicyFetcherFactory;
import dev.mtasts.fetcher.PolicyFetcherSettings;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.internal.Quoting;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxMatchExplanation;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyExtension;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.policy.PolicyParseException;
import dev.mtasts.policy.PolicyParseResult;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.record.RecordExtension;
import dev.mtasts.record.RecordParseException;
import dev.mtasts.record.RecordParseResult;
import dev.mtasts.record.RecordParser;
import dev.mtasts.record.RecordSelection;
import dev.mtasts.record.StsRecord;
import dev.mtasts.record.TlsRptRecord;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerResult;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.Observations;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.Promotion;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.RefusedAddress;
import dev.mtasts.report.Remediation;
import dev.mtasts.report.SenderClass;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.DnsResolverFactory;
import dev.mtasts.resolver.DnsResolverSettings;
import dev.mtasts.resolver.DnsResult;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.probe.MxProbeRequest;
import dev.mtasts.probe.MxProbeSettings;
import dev.mtasts.probe.MxTlsProbe;
import dev.mtasts.probe.MxTlsProbeFactory;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.report.DaneResult;
import dev.mtasts.report.DaneStatus;
import dev.mtasts.report.MxHostObservation;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TlsaRecord;
import dev.mtasts.resolver.MxRecord;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TxtRecord;
import dev.mtasts.validate.ReportAssembler;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor and method of every package of mta-sts-core refuses {@code null} in each reference
 * parameter with a {@link NullPointerException} whose message is that parameter's name
 * ({@code Objects.requireNonNull(text, "text")}): never a {@code false}, an empty result, an
 * {@link IllegalArgumentException} or a JDK message about some inner call.
 *
 * <p>The classes are found on disk, so a new public type cannot slip past, and the parameter names are read from
 * the compiled classes (the {@code LocalVariableTable} that {@code javac -g} writes), so a message that names some
 * other parameter fails. Exempt are {@code equals(Object)} (whose contract is to answer {@code false}), the
 * {@code valueOf(String)} the compiler writes for an enum, the callbacks of {@link ValidationListener}, the abstract
 * methods of the SPIs, which the modules implementing them test, and the methods in {@link #PINNED}.
 *
 * <p>The checking is {@link NullRefusalCheck}'s, which the other modules' {@code NullRefusalTest}s use too
 * (through this module's test-jar); this class only configures it for the packages of mta-sts-core.
 */
class NullRefusalTest extends NullRefusalTestCase {

    /** Every package of the module: the exported ones and the two internal ones. */
    private static final List<String> PACKAGES = List.of("dev.mtasts", "dev.mtasts.policy", "dev.mtasts.record",
            "dev.mtasts.report", "dev.mtasts.resolver", "dev.mtasts.fetcher", "dev.mtasts.probe",
            "dev.mtasts.internal", "dev.mtasts.validate", "dev.mtasts.plan");

    /** Types whose methods are callbacks: an application overrides them and the validator calls them. */
    private static final Set<Class<?>> CALLBACKS = Set.of(ValidationListener.class);

    /** SPIs implemented in other modules (mta-sts-dns, mta-sts-http, mta-sts-testkit), whose tests call them. */
    private static final Set<Class<?>> IMPLEMENTED_ELSEWHERE = Set.of(DnsResolver.class, DnsResolverFactory.class,
            PolicyFetcher.class, PolicyFetcherFactory.class, MxTlsProbe.class, MxTlsProbeFactory.class);

    /**
     * Methods that another test pins to a different answer for {@code null}; they stay as they are until that test
     * changes: {@code DomainNameTest.nullIsRejectedAndTryParseIsEmpty} (an {@link IllegalArgumentException}, and
     * empty) and {@code MediaTypeTest.nullIsNotAMediaType} (empty).
     */
    private static final Set<String> PINNED = Set.of();

    /** Types that must be among those found: the search on disk is not allowed to come back short. */
    private static final List<Class<?>> EXPECTED = List.of(MtaStsPolicy.class, MtaStsPolicy.Builder.class,
            StsRecord.class, TlsRptRecord.class, Quoting.class, Problem.class, DomainName.class,
            Validator.Builder.class, MtaStsValidator.class, AddressPolicy.class, ValidationReport.class,
            Finding.class, PolicySnapshot.class, DnsResult.class, TxtRecord.class, MxRecord.class,
            PolicyFetch.Builder.class, PolicyFetchRequest.class, MediaType.class, ReportAssembler.class,
            LayerResult.class, MxHostResult.class, RefusedAddress.class, MxProbe.class, AddressProbe.Builder.class,
            TlsaRecord.class, DaneResult.class, BulkOptions.class, BulkResult.class);

    private static final URI MAILTO = URI.create("mailto:tls@example.com");
    private static final Problem PROBLEM = Problem.of(ProblemCode.POLICY_EMPTY, 1, 1, "policy is empty");
    private static final DomainName DOMAIN = DomainName.of("example.com");
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final InetSocketAddress LOOPBACK_PORT = new InetSocketAddress(LOOPBACK, 9);
    private static final DnsResult DNS_RESULT = DnsResult.of(DOMAIN, DnsOutcome.NXDOMAIN);
    private static final MxAnswer MX_ANSWER = MxAnswer.empty(DNS_RESULT);
    private static final TxtAnswer TXT_ANSWER = TxtAnswer.empty(DNS_RESULT);
    private static final AddressAnswer ADDRESS_ANSWER = AddressAnswer.empty(DNS_RESULT);
    private static final PolicyFetch FETCH = PolicyFetch.builder(FetchOutcome.CONNECT_FAILURE).build();
    private static final PolicySnapshot SNAPSHOT = new PolicySnapshot("example.com", "1", "0".repeat(64),
            Instant.EPOCH);
    private static final Observations OBSERVATIONS = new Observations(Optional.empty(), MX_ANSWER, Optional.empty(),
            Optional.empty(), List.of(), Optional.empty());
    private static final TlsaRecord TLSA_RECORD = TlsaRecord.parse("3 1 1 00");
    private static final TlsaAnswer TLSA_ANSWER = TlsaAnswer.empty(DNS_RESULT);
    private static final AddressProbe ADDRESS_PROBE = AddressProbe.builder(LOOPBACK, ProbeOutcome.CONNECT_FAILED)
            .build();
    private static final MxProbe MX_PROBE = new MxProbe(DOMAIN, List.of(ADDRESS_PROBE));
    private static final MxHostResult MX_HOST = new MxHostResult(DOMAIN, 10, false, Optional.empty());
    private static final Finding FINDING = Finding.of(FindingCode.values()[0], Severity.ERROR, "x", "x");
    private static final Promotion PROMOTION = new Promotion(PromotionStatus.NOT_READY, List.of(FINDING), "x");
    private static final ValidationReport REPORT = ReportAssembler.assemble(DOMAIN, Instant.EPOCH, Duration.ZERO,
            OBSERVATIONS, Optional.empty());
    private static final MtaStsPolicy POLICY = MtaStsPolicy.builder().mx("mx.example.com").build();
    private static final dev.mtasts.plan.ChangeRequest CHANGE = dev.mtasts.plan.ChangeRequest.builder()
            .newMx("mx.example.com").build();
    private static final CertificateFacts CERTIFICATE = new CertificateFacts("CN=x", "CN=x", List.of("example.com"),
            Instant.EPOCH, Instant.EPOCH, "1", "00");

    /** A resolver and a fetcher that answer at once without a socket, should a call get past its null check. */
    private static final DnsResolver NO_DNS = new DnsResolver() {
        @Override
        public CompletableFuture<TxtAnswer> txt(DomainName name) {
            return CompletableFuture.failedFuture(new IOException("no DNS in this test"));
        }

        @Override
        public CompletableFuture<MxAnswer> mx(DomainName domain) {
            return CompletableFuture.failedFuture(new IOException("no DNS in this test"));
        }

        @Override
        public CompletableFuture<AddressAnswer> addresses(DomainName host) {
            return CompletableFuture.failedFuture(new IOException("no DNS in this test"));
        }
    };
    private static final PolicyFetcher NO_HTTP = request -> CompletableFuture.completedFuture(FETCH);

    /** A non-null argument of each parameter type; which value does not matter, since nulls are checked first. */
    private static final Map<Class<?>, Supplier<Object>> SAMPLES = Map.ofEntries(
            Map.entry(String.class, () -> "x"),
            Map.entry(String[].class, () -> new String[] {"x"}),
            Map.entry(Object.class, () -> "x"),
            Map.entry(List.class, List::of),
            Map.entry(Map.class, Map::of),
            Map.entry(Optional.class, Optional::empty),
            Map.entry(OptionalInt.class, OptionalInt::empty),
            Map.entry(Predicate.class, () -> (Predicate<Object>) x -> true),
            Map.entry(Duration.class, () -> Duration.ofSeconds(1)),
            Map.entry(Instant.class, () -> Instant.EPOCH),
            Map.entry(java.time.LocalDate.class, () -> java.time.LocalDate.EPOCH),
            Map.entry(Clock.class, Clock::systemUTC),
            Map.entry(Executor.class, () -> (Executor) Runnable::run),
            Map.entry(InetAddress.class, () -> LOOPBACK),
            Map.entry(InetSocketAddress.class, () -> LOOPBACK_PORT),
            Map.entry(URI.class, () -> MAILTO),
            Map.entry(URI[].class, () -> new URI[] {MAILTO}),
            Map.entry(byte[].class, () -> new byte[0]),
            Map.entry(int.class, () -> 1),
            Map.entry(long.class, () -> 1L),
            Map.entry(boolean.class, () -> false),
            Map.entry(PolicyMode.class, () -> PolicyMode.NONE),
            Map.entry(MxPattern.class, () -> MxPattern.of("mx.example.com")),
            Map.entry(DomainName.class, () -> DOMAIN),
            Map.entry(Problem.class, () -> PROBLEM),
            Map.entry(ProblemCode.class, () -> ProblemCode.POLICY_EMPTY),
            Map.entry(Severity.class, () -> Severity.ERROR),
            Map.entry(RecordSelection.Status.class, () -> RecordSelection.Status.NONE),
            Map.entry(StsRecord.class, () -> StsRecord.of("1")),
            Map.entry(TlsRptRecord.class, () -> TlsRptRecord.of(MAILTO)),
            Map.entry(AddressPolicy.class, AddressPolicy::allowAll),
            Map.entry(ValidationListener.class, () -> ValidationListener.NONE),
            Map.entry(DnsResolver.class, () -> NO_DNS),
            Map.entry(PolicyFetcher.class, () -> NO_HTTP),
            Map.entry(DnsOutcome.class, () -> DnsOutcome.NXDOMAIN),
            Map.entry(DnsResult.class, () -> DNS_RESULT),
            Map.entry(DnsAnswer.class, () -> MX_ANSWER),
            Map.entry(MxAnswer.class, () -> MX_ANSWER),
            Map.entry(TxtAnswer.class, () -> TXT_ANSWER),
            Map.entry(AddressAnswer.class, () -> ADDRESS_ANSWER),
            Map.entry(FetchOutcome.class, () -> FetchOutcome.CONNECT_FAILURE),
            Map.entry(TlsFailureCategory.class, () -> TlsFailureCategory.HANDSHAKE),
            Map.entry(PolicyFetch.class, () -> FETCH),
            Map.entry(PolicyFetchRequest.class, () -> PolicyFetchRequest.of(DOMAIN, List.of(LOOPBACK))),
            Map.entry(PlainHttpProbe.class, () -> new PlainHttpProbe(FETCH)),
            Map.entry(AddressFailure.class, () -> new AddressFailure(LOOPBACK_PORT, "x")),
            Map.entry(CertificateFacts.class, () -> CERTIFICATE),
            Map.entry(FindingCode.class, () -> FindingCode.values()[0]),
            Map.entry(Layer.class, () -> Layer.values()[0]),
            Map.entry(LayerStatus.class, () -> LayerStatus.values()[0]),
            Map.entry(Verdict.class, () -> Verdict.values()[0]),
            Map.entry(PromotionStatus.class, () -> PromotionStatus.NOT_READY),
            Map.entry(Promotion.class, () -> PROMOTION),
            Map.entry(Remediation.class, Remediation::none),
            Map.entry(Observations.class, () -> OBSERVATIONS),
            Map.entry(dev.mtasts.report.DiagnosticObservations.class, () -> dev.mtasts.report.DiagnosticObservations.NONE),
            Map.entry(SenderClass.class, () -> SenderClass.BODY_CAP),
            Map.entry(PolicySnapshot.class, () -> SNAPSHOT),
            Map.entry(ValidationReport.class, () -> REPORT),
            Map.entry(TlsaRecord.class, () -> TLSA_RECORD),
            Map.entry(TlsaAnswer.class, () -> TLSA_ANSWER),
            Map.entry(ProbeOutcome.class, () -> ProbeOutcome.CONNECT_FAILED),
            Map.entry(AddressProbe.class, () -> ADDRESS_PROBE),
            Map.entry(MxProbe.class, () -> MX_PROBE),
            Map.entry(MxProbeRequest.class, () -> MxProbeRequest.of(DOMAIN, List.of(LOOPBACK))),
            Map.entry(MxProbeSettings.class, MxProbeSettings::defaults),
            Map.entry(MxTlsProbe.class, () -> (MxTlsProbe) request -> CompletableFuture.completedFuture(MX_PROBE)),
            Map.entry(MxHostResult.class, () -> MX_HOST),
            Map.entry(MxMatchExplanation.class, () -> MxMatchExplanation.fromMatch(DOMAIN, Optional.empty())),
            Map.entry(MxHostObservation.class, () -> new MxHostObservation(DOMAIN, Optional.empty(), List.of(),
                    Optional.empty(), Optional.empty())),
            Map.entry(DaneStatus.class, () -> DaneStatus.NONE),
            Map.entry(ValidationRequest.class, () -> ValidationRequest.of(DOMAIN)),
            Map.entry(java.util.Iterator.class, java.util.Collections::emptyIterator),
            Map.entry(java.util.stream.Stream.class, java.util.stream.Stream::empty),
            Map.entry(java.util.function.Consumer.class, () -> (java.util.function.Consumer<Object>) x -> { }),
            Map.entry(java.util.function.Function.class, () -> java.util.function.Function.identity()),
            Map.entry(BulkOptions.class, BulkOptions::defaults),
            Map.entry(BulkResult.Outcome.class, () -> BulkResult.Outcome.INPUT_ERROR),
            Map.entry(BulkResult.class, () -> BulkResult.inputError("x", "x")),
            Map.entry(BulkSummary.class, () -> new BulkSummary(0, 0, 0, 0, 0, 0, Duration.ZERO)),
            Map.entry(DaneResult.class, () -> new DaneResult(DaneStatus.NONE, TLSA_ANSWER, List.of(), false, "x")),
            Map.entry(MtaStsPolicy.class, () -> POLICY),
            Map.entry(dev.mtasts.plan.ChangeRequest.class, () -> CHANGE),
            Map.entry(dev.mtasts.plan.ChangeRisk.class, () -> new dev.mtasts.plan.ChangeRisk(Optional.empty(),
                    Optional.empty(), List.of(), "x")),
            Map.entry(dev.mtasts.plan.PlanStatus.class, () -> dev.mtasts.plan.PlanStatus.SAFE_NOW),
            Map.entry(dev.mtasts.plan.StepKind.class, () -> dev.mtasts.plan.StepKind.WAIT),
            Map.entry(dev.mtasts.plan.SenderAction.class, () -> dev.mtasts.plan.SenderAction.REFUSE),
            Map.entry(dev.mtasts.plan.HostRisk.Cause.class, () -> dev.mtasts.plan.HostRisk.Cause.values()[0]),
            Map.entry(dev.mtasts.plan.PlanBlocker.Code.class, () -> dev.mtasts.plan.PlanBlocker.Code.values()[0]),
            Map.entry(dev.mtasts.OfflineMaterial.class, () -> dev.mtasts.OfflineMaterial.builder().build()),
            Map.entry(Validator.class, NullRefusalTest::validator));

    /** Instances of each type with instance methods, made fresh for every call (builders are mutable). */
    private static final Map<Class<?>, Supplier<List<?>>> RECEIVERS = Map.ofEntries(
            Map.entry(MtaStsPolicy.class, () -> List.of(MtaStsPolicy.builder().mode(PolicyMode.NONE).build())),
            Map.entry(MtaStsPolicy.Builder.class, () -> List.of(MtaStsPolicy.builder())),
            Map.entry(MxPattern.class, () -> List.of(MxPattern.of("*.example.com"), MxPattern.of("mx.example.com"))),
            Map.entry(PolicyExtension.class, () -> List.of(new PolicyExtension("note", "x"))),
            Map.entry(PolicyParseResult.class, () -> List.of(PolicyParser.lenient().parse(""))),
            Map.entry(PolicyParser.class, () -> List.of(PolicyParser.lenient())),
            Map.entry(PolicyParseException.class, () -> List.of(new PolicyParseException(PROBLEM, List.of(PROBLEM)))),
            Map.entry(RecordExtension.class, () -> List.of(new RecordExtension("x", "1"))),
            Map.entry(RecordParser.class, () -> List.of(StsRecord.lenient(), TlsRptRecord.lenient())),
            Map.entry(RecordParseResult.class, () -> List.of(StsRecord.lenient().parse(""))),
            Map.entry(RecordParseException.class, () -> List.of(new RecordParseException(PROBLEM, List.of(PROBLEM)))),
            Map.entry(RecordSelection.class, () -> List.of(StsRecord.select(List.of()))),
            Map.entry(StsRecord.class, () -> List.of(StsRecord.of("1"))),
            Map.entry(TlsRptRecord.class, () -> List.of(TlsRptRecord.of(MAILTO))),
            Map.entry(Problem.class, () -> List.of(PROBLEM)),
            Map.entry(DomainName.class, () -> List.of(DOMAIN)),
            Map.entry(AddressPolicy.class, () -> List.of(AddressPolicy.publicOnly(), AddressPolicy.allowAll(),
                    AddressPolicy.allowing(address -> true))),
            Map.entry(Validator.class, () -> List.of(validator())),
            Map.entry(Validator.Builder.class, () -> List.of(MtaStsValidator.builder())),
            Map.entry(Finding.class, () -> List.of(FINDING)),
            Map.entry(ValidationReport.class, () -> List.of(REPORT)),
            Map.entry(DnsResult.class, () -> List.of(DNS_RESULT)),
            Map.entry(DnsResolverSettings.class, () -> List.of(DnsResolverSettings.defaults())),
            Map.entry(CertificateFacts.class, () -> List.of(CERTIFICATE)),
            Map.entry(MediaType.class, () -> List.of(MediaType.parse("text/plain; charset=utf-8").orElseThrow())),
            Map.entry(PolicyFetch.class, () -> List.of(FETCH)),
            Map.entry(PolicyFetch.Builder.class, () -> List.of(PolicyFetch.builder(FetchOutcome.TLS_FAILURE))),
            Map.entry(PolicyFetchRequest.class, () -> List.of(PolicyFetchRequest.of(DOMAIN, List.of(LOOPBACK)))),
            Map.entry(PolicyFetcherSettings.class, () -> List.of(PolicyFetcherSettings.defaults())),
            Map.entry(DnsResolver.class, () -> List.of(NO_DNS)),
            Map.entry(TlsaRecord.class, () -> List.of(TLSA_RECORD)),
            Map.entry(MxHostResult.class, () -> List.of(MX_HOST)),
            Map.entry(Observations.class, () -> List.of(OBSERVATIONS)),
            Map.entry(AddressProbe.class, () -> List.of(ADDRESS_PROBE)),
            Map.entry(AddressProbe.Builder.class, () -> List.of(AddressProbe.builder(LOOPBACK,
                    ProbeOutcome.CONNECT_FAILED))),
            Map.entry(MxProbe.class, () -> List.of(MX_PROBE)),
            Map.entry(MxProbeRequest.class, () -> List.of(MxProbeRequest.of(DOMAIN, List.of(LOOPBACK)))),
            Map.entry(MxProbeSettings.class, () -> List.of(MxProbeSettings.defaults())),
            Map.entry(ValidationRequest.class, () -> List.of(ValidationRequest.of(DOMAIN))),
            Map.entry(BulkOptions.class, () -> List.of(BulkOptions.defaults())),
            Map.entry(BulkOptions.Builder.class, () -> List.of(BulkOptions.builder())),
            Map.entry(BulkResult.class, () -> List.of(BulkResult.inputError("x", "x"))),
            Map.entry(BulkSummary.class, () -> List.of(new BulkSummary(0, 0, 0, 0, 0, 0, Duration.ZERO))),
            Map.entry(dev.mtasts.plan.ChangeRequest.class, () -> List.of(CHANGE)),
            Map.entry(dev.mtasts.plan.ChangeRequest.Builder.class, () -> List.of(dev.mtasts.plan.ChangeRequest.builder())),
            Map.entry(dev.mtasts.plan.ChangeRisk.class, () -> List.of(new dev.mtasts.plan.ChangeRisk(Optional.empty(),
                    Optional.empty(), List.of(), "x"))),
            Map.entry(dev.mtasts.OfflineMaterial.class, () -> List.of(dev.mtasts.OfflineMaterial.builder().build())),
            Map.entry(dev.mtasts.OfflineMaterial.Builder.class, () -> List.of(dev.mtasts.OfflineMaterial.builder())),
            Map.entry(dev.mtasts.OfflineValidator.class, () -> List.of(MtaStsValidator.offline()
                    .executor(Runnable::run).build())),
            Map.entry(dev.mtasts.OfflineValidator.Builder.class, () -> List.of(MtaStsValidator.offline())));

    private static Validator validator() {
        return MtaStsValidator.builder().resolver(NO_DNS).fetcher(NO_HTTP).executor(Runnable::run)
                .deadline(Duration.ofSeconds(5)).build();
    }

    /** The check of this module's packages, configured by the constants above. */
    private static final NullRefusalCheck CHECK = NullRefusalCheck.builder()
            .packages(PACKAGES)
            .expectedTypes(EXPECTED)
            .samples(SAMPLES)
            .receivers(RECEIVERS)
            .callbacks(CALLBACKS)
            .implementedElsewhere(IMPLEMENTED_ELSEWHERE)
            .pinned(PINNED)
            .build();

    @Override
    protected NullRefusalCheck check() {
        return CHECK;
    }

    @Test
    void parameterNamesOfAMethodAndOfARecordAreThoseOfTheSource() throws ReflectiveOperationException {
        Method prefixedWith = DomainName.class.getMethod("prefixedWith", String.class);
        Constructor<?> snapshot = PolicySnapshot.class.getConstructor(String.class, String.class, String.class,
                Instant.class);
        assertThat(NullRefusalCheck.ParameterNames.of(prefixedWith, DomainName.class)).contains(List.of("labels"));
        assertThat(NullRefusalCheck.ParameterNames.of(snapshot, PolicySnapshot.class))
                .contains(List.of("domain", "id", "policySha256", "fetchedAt"));
    }
}
