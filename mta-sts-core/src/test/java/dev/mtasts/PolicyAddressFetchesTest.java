package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.fetcher.AddressFailure;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link PolicyAddressFetches} inside a validation: which requests the fetcher gets, how a fetcher that misbehaves
 * for one address is bounded, and how the first address is described when the validation's own fetch answered from
 * another one. The fetchers here are stand-ins for the network; the pipeline under test is the real one.
 */
@Timeout(30)
class PolicyAddressFetchesTest {

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A valid record; the policy host resolves to the given addresses; no MX. */
    private static DnsResolver resolving(List<InetAddress> addresses) {
        return new DnsResolver() {
            @Override
            public CompletionStage<TxtAnswer> txt(DomainName name) {
                return CompletableFuture.completedFuture(name.value().startsWith("_mta-sts.")
                        ? TxtAnswer.found(name, "v=STSv1; id=1") : TxtAnswer.nxdomain(name));
            }

            @Override
            public CompletionStage<MxAnswer> mx(DomainName domain) {
                return CompletableFuture.completedFuture(MxAnswer.nodata(domain));
            }

            @Override
            public CompletionStage<AddressAnswer> addresses(DomainName host) {
                return CompletableFuture.completedFuture(host.value().startsWith("mta-sts.")
                        ? AddressAnswer.found(host, addresses) : AddressAnswer.nodata(host));
            }
        };
    }

    /** A fetcher that records each request and answers as told. */
    private static final class Recording implements PolicyFetcher {
        final List<PolicyFetchRequest> requests = new CopyOnWriteArrayList<>();
        private final Function<PolicyFetchRequest, CompletionStage<PolicyFetch>> answer;

        Recording(Function<PolicyFetchRequest, CompletionStage<PolicyFetch>> answer) {
            this.answer = answer;
        }

        @Override
        public CompletionStage<PolicyFetch> fetch(PolicyFetchRequest request) {
            requests.add(request);
            return answer.apply(request);
        }
    }

    /** @return a 200 answer from the first address of the request */
    private static CompletionStage<PolicyFetch> ok(PolicyFetchRequest request) {
        return CompletableFuture.completedFuture(PolicyFetch.builder(FetchOutcome.OK).statusCode(200)
                .header("Content-Type", "text/plain")
                .body("version: STSv1\nmode: testing\nmx: mx.example.com\nmax_age: 86400\n".getBytes())
                .address(new InetSocketAddress(request.addresses().get(0), 443)).build());
    }

    private static Validator validator(List<InetAddress> addresses, PolicyFetcher fetcher, Duration deadline) {
        return MtaStsValidator.builder().resolver(resolving(addresses)).fetcher(fetcher)
                .addressPolicy(AddressPolicy.allowAll()).deadline(deadline).build();
    }

    private static List<String> addressesOf(List<PolicyFetch> fetches) {
        return fetches.stream().map(f -> f.address().map(InetSocketAddress::getAddress)
                .or(() -> f.failedAddresses().stream().findFirst().map(a -> a.address().getAddress()))
                .map(InetAddress::getHostAddress).orElse("?")).toList();
    }

    @Test
    void eachFurtherAddressIsFetchedAloneAndTheFirstOnlyByTheValidationsOwnFetch() {
        List<InetAddress> three = List.of(address("192.0.2.1"), address("192.0.2.2"), address("2001:db8::3"));
        Recording fetcher = new Recording(PolicyAddressFetchesTest::ok);

        ValidationReport report = validator(three, fetcher, Duration.ofSeconds(10)).validate("example.com");

        assertThat(fetcher.requests).extracting(PolicyFetchRequest::addresses).containsExactlyInAnyOrder(three,
                List.of(three.get(1)), List.of(three.get(2)));
        assertThat(fetcher.requests).allSatisfy(r -> assertThat(r.deadline()).isPositive()
                .isLessThanOrEqualTo(Duration.ofSeconds(10)));
        List<PolicyFetch> each = report.observations().diagnostics().policyFetchesByAddress();
        assertThat(addressesOf(each)).containsExactly("192.0.2.1", "192.0.2.2", "2001:db8:0:0:0:0:0:3");
        assertThat(each.get(0)).isEqualTo(report.observations().policyFetch().orElseThrow());
    }

    @Test
    void aFetcherThatThrowsOrNeverAnswersForOneAddressGivesAFailedFetchForItWithinTheDeadline() {
        InetAddress throwing = address("192.0.2.2");
        InetAddress silent = address("192.0.2.3");
        Recording fetcher = new Recording(request -> {
            if (request.addresses().equals(List.of(throwing))) {
                throw new IllegalStateException("boom");
            }
            return request.addresses().equals(List.of(silent)) ? new CompletableFuture<>() : ok(request);
        });
        long start = System.nanoTime();

        ValidationReport report = validator(List.of(address("192.0.2.1"), throwing, silent), fetcher,
                Duration.ofMillis(1500)).validate("example.com");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500)
                .plus(Validator.BLOCKING_SLACK));
        List<PolicyFetch> each = report.observations().diagnostics().policyFetchesByAddress();
        assertThat(each).extracting(PolicyFetch::outcome).containsExactly(FetchOutcome.OK,
                FetchOutcome.CONNECT_FAILURE, FetchOutcome.TIMEOUT);
        assertThat(addressesOf(each)).containsExactly("192.0.2.1", "192.0.2.2", "192.0.2.3");
        assertThat(each.get(1).detail()).contains("boom");
    }

    @Test
    void whenTheOwnFetchAnsweredFromTheSecondAddressTheFirstIsDescribedByTheFailureThere() {
        InetAddress first = address("192.0.2.1");
        InetAddress second = address("192.0.2.2");
        Recording fetcher = new Recording(request -> request.addresses().size() > 1
                ? CompletableFuture.completedFuture(PolicyFetch.builder(FetchOutcome.HTTP_STATUS).statusCode(404)
                        .failedAddress(new AddressFailure(new InetSocketAddress(first, 443), "Connection refused"))
                        .address(new InetSocketAddress(second, 443)).build())
                : ok(request));

        ValidationReport report = validator(List.of(first, second), fetcher, Duration.ofSeconds(10))
                .validate("example.com");

        List<PolicyFetch> each = report.observations().diagnostics().policyFetchesByAddress();
        assertThat(each).extracting(PolicyFetch::outcome).containsExactly(FetchOutcome.CONNECT_FAILURE,
                FetchOutcome.OK);
        assertThat(each.get(0).detail()).isEqualTo("Connection refused");
        assertThat(each.get(0).address()).isEmpty();
        assertThat(addressesOf(each)).containsExactly("192.0.2.1", "192.0.2.2");
    }

    @Test
    void aFetcherThatNamesNoAddressGetsItsAnswersAttributedToTheAddressAsked() {
        Recording fetcher = new Recording(request -> CompletableFuture.completedFuture(
                PolicyFetch.builder(FetchOutcome.HTTP_STATUS).statusCode(503).build()));

        ValidationReport report = validator(List.of(address("192.0.2.1"), address("192.0.2.2")), fetcher,
                Duration.ofSeconds(10)).validate("example.com");

        List<PolicyFetch> each = report.observations().diagnostics().policyFetchesByAddress();
        assertThat(each).allSatisfy(f -> assertThat(f.address()).isPresent());
        assertThat(addressesOf(each)).containsExactly("192.0.2.1", "192.0.2.2");
    }

    @Test
    void atMostEightAddressesAreComparedTakingBothFamiliesInTurn() {
        List<InetAddress> many = new ArrayList<>();
        IntStream.rangeClosed(1, 20).forEach(i -> many.add(address("192.0.2." + i)));
        IntStream.rangeClosed(1, 3).forEach(i -> many.add(address("2001:db8::" + i)));
        Recording fetcher = new Recording(PolicyAddressFetchesTest::ok);

        ValidationReport report = validator(many, fetcher, Duration.ofSeconds(10)).validate("example.com");

        assertThat(fetcher.requests).hasSize(PolicyAddressFetches.ADDRESS_LIMIT);   // the own fetch and 7 more
        assertThat(addressesOf(report.observations().diagnostics().policyFetchesByAddress())).containsExactly(
                "192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5",
                "2001:db8:0:0:0:0:0:1", "2001:db8:0:0:0:0:0:2", "2001:db8:0:0:0:0:0:3");
    }

    @Test
    void chosenKeepsTheOrderAndTheFirstAddress() {
        List<InetAddress> v6First = List.of(address("2001:db8::1"), address("2001:db8::2"), address("2001:db8::3"),
                address("192.0.2.1"));
        assertThat(PolicyAddressFetches.chosen(v6First, 2)).containsExactly(address("2001:db8::1"),
                address("192.0.2.1"));
        assertThat(PolicyAddressFetches.chosen(v6First, 8)).isEqualTo(v6First);
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void repeatedAddressesAreComparedOnceAndTheChoiceEnds() {
        InetAddress a = address("192.0.2.1");
        InetAddress b = address("192.0.2.2");
        InetAddress c = address("2001:db8::3");
        List<InetAddress> repeated = List.of(a, b, a, b, a, b, a, b, a, b);
        for (int limit = 2; limit <= PolicyAddressFetches.ADDRESS_LIMIT; limit++) {
            assertThat(PolicyAddressFetches.chosen(repeated, limit)).as("limit %d", limit).containsExactly(a, b);
        }
        assertThat(PolicyAddressFetches.chosen(List.of(a, b, a, c, b, c), 2)).containsExactly(a, c);

        Recording fetcher = new Recording(PolicyAddressFetchesTest::ok);
        ValidationReport report = validator(repeated, fetcher, Duration.ofSeconds(10)).validate("example.com");

        assertThat(addressesOf(report.observations().diagnostics().policyFetchesByAddress()))
                .containsExactly("192.0.2.1", "192.0.2.2");
    }

    @Test
    void everyLimitBelowEightTakesTheFirstAddressAndBothFamiliesInTurn() {
        List<InetAddress> mixed = new ArrayList<>();
        IntStream.rangeClosed(1, 6).forEach(i -> mixed.add(address("192.0.2." + i)));
        IntStream.rangeClosed(1, 6).forEach(i -> mixed.add(address("2001:db8::" + i)));
        for (int limit = 2; limit <= PolicyAddressFetches.ADDRESS_LIMIT; limit++) {
            List<InetAddress> chosen = PolicyAddressFetches.chosen(mixed, limit);
            assertThat(chosen).as("limit %d", limit).hasSize(limit).startsWith(mixed.get(0)).doesNotHaveDuplicates();
            long v6 = chosen.stream().filter(x -> x instanceof java.net.Inet6Address).count();
            assertThat(v6).as("IPv6 addresses at limit %d", limit).isEqualTo(limit / 2);
        }
    }

    @Test
    void oneAllowedAddressIsNotFetchedTwice() {
        Recording fetcher = new Recording(PolicyAddressFetchesTest::ok);
        Validator validator = MtaStsValidator.builder().resolver(resolving(List.of(address("10.0.0.1"),
                        address("192.0.2.1")))).fetcher(fetcher)
                .addressPolicy(a -> a.getHostAddress().startsWith("10.") ? Optional.of("private") : Optional.empty())
                .build();

        ValidationReport report = validator.validate("example.com");

        assertThat(fetcher.requests).hasSize(1);
        assertThat(report.observations().diagnostics().policyFetchesByAddress()).isEmpty();
    }
}
