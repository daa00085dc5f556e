package demo;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.resolver.DnsResolver;

/** Uses the API from the module path; prints what .ci/jpms-smoke.sh checks. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("name " + DomainName.of("Bücher.Example."));
        System.out.println("mode " + MtaStsPolicy.parse("version: STSv1\nmode: none\nmax_age: 86400\n").mode());
        System.out.println("resolver " + DnsResolver.fromServiceLoader().map(r -> r.getClass().getName()).orElse("none"));
        System.out.println("fetcher " + PolicyFetcher.fromServiceLoader().map(f -> f.getClass().getName()).orElse("none"));
        try {
            Class.forName("dev.mtasts.validate.ReportAssembler").getDeclaredConstructor().newInstance();
            System.out.println("internal open");
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("internal closed");
        }
    }
}
