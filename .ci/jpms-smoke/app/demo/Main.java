package demo;

import dev.mtasts.DomainName;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.fetcher.PolicyFetcherFactory;
import dev.mtasts.fetcher.PolicyFetcherSettings;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.resolver.DnsResolverFactory;
import dev.mtasts.resolver.DnsResolverSettings;

/** Uses the API from the module path; prints what .ci/jpms-smoke.sh checks. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("name " + DomainName.of("Bücher.Example."));
        System.out.println("mode " + MtaStsPolicy.parse("version: STSv1\nmode: none\nmax_age: 86400\n").mode());
        System.out.println("resolver " + DnsResolverFactory.fromServiceLoader()
                .map(f -> f.create(DnsResolverSettings.defaults()).getClass().getName()).orElse("none"));
        System.out.println("fetcher " + PolicyFetcherFactory.fromServiceLoader()
                .map(f -> f.create(PolicyFetcherSettings.defaults()).getClass().getName()).orElse("none"));
        System.out.println("validator " + MtaStsValidator.builder().build().deadline());
        try {
            Class.forName("dev.mtasts.validate.ReportAssembler").getDeclaredConstructor().newInstance();
            System.out.println("internal open");
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("internal closed");
        }
    }
}
