package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.AddressPolicy;
import dev.mtasts.Validator;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No SSRF: with the default address policy, a domain whose policy host and MX host resolve to a loopback, private,
 * link-local (cloud metadata), CGNAT, unique-local, IPv4-mapped or unspecified address causes no connection at all
 * (the sandbox's servers, which listen on loopback, see none), and the report names the address refused.
 */
class SsrfTest extends SandboxTest {

    private static Validator publicOnly;

    @BeforeAll
    static void buildValidator() {
        publicOnly = sandbox.validatorBuilder().addressPolicy(AddressPolicy.publicOnly())
                .deadline(Duration.ofSeconds(5)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254", "100.64.0.1", "::1", "fc00::1", "fe80::1",
            "::ffff:127.0.0.1", "0.0.0.0"})
    void anInternalAddressIsNeverConnectedToAndTheReportNamesIt(String address) {
        String name = "a" + Integer.toHexString(address.hashCode()) + ".ssrf.test";
        String mx = "mx1." + name;
        SandboxDomain d = sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name).policy(policy("enforce", 604800, mx)).mx(10, mx)
                .mxNoAddress(mx).policyHostAddress(address);
        if (address.indexOf(':') >= 0) {
            d.zone().aaaa(mx, address);
        } else {
            d.zone().a(mx, address);
        }
        int requestsBefore = sandbox.httpsServer().requests().size();
        int sessionsBefore = sandbox.smtpServer().sessions().size();

        ValidationReport r = publicOnly.validate(name);

        assertThat(r.observations().policyFetch()).as("no fetch was attempted").isEmpty();
        assertThat(r.mxHosts()).allSatisfy(h -> assertThat(h.probe()).as("no probe was attempted").isEmpty());
        assertThat(sandbox.httpsServer().requests()).as("the HTTPS server saw nothing").hasSize(requestsBefore);
        assertThat(sandbox.httpsServer().openConnections()).isZero();
        assertThat(sandbox.smtpServer().sessions()).as("the SMTP server saw nothing").hasSize(sessionsBefore);
        String shown = r.observations().refusedAddresses().get(0).address().getHostAddress();
        assertThat(r.findings(FindingCode.POLICY_HOST_ADDRESS_REFUSED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(shown));
        assertThat(r.findings(FindingCode.MX_ADDRESS_REFUSED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(mx, shown));
    }
}
