package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.IssuedCertificate;
import dev.mtasts.testkit.MtaStsSandbox;
import dev.mtasts.testkit.SmtpBehaviour;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} probes the MX hosts by default, against the sandbox's SMTP servers on loopback: the JSON has
 * {@code mx[].probe} and {@code mx[].dane} (valid against the schema), the text shows a line per address and the
 * DANE status; {@code --no-probe-mx} skips the probe; {@code --ca} is the probe's trust too.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MxProbeCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
            .getSchema(dev.mtasts.json.ReportJson.schema(), InputFormat.JSON);
    private static final String POLICY = "version: STSv1\nmode: enforce\nmx: *.%s\nmax_age: 604800\n";
    /** A dual-stack MX host whose IPv6 address (::1, the one IPv6 loopback address) serves another name. */
    private static final String DUAL = "dual.cli.test";
    /** An MX host whose address refuses connections: not probed from here. */
    private static final String UNREACHED = "unreached.cli.test";
    /** An MX host with signed TLSA records for its key and the next one. */
    private static final String DANE = "dane-valid.cli.test";

    private static MtaStsSandbox sandbox;
    private static List<String> options;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = MtaStsSandbox.start();
        Deployments.installAll(sandbox);
        options = CliRun.sandboxOptions(sandbox, dir);

        String dualMx = "mx1." + DUAL;
        sandbox.domain(DUAL).stsRecord("v=STSv1; id=" + Deployments.ID).mx(10, dualMx)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + DUAL).policy(POLICY.formatted(DUAL))
                .mxAddress(dualMx, "::1", SmtpBehaviour.healthy().withHostName(dualMx)
                        .withCertificate(sandbox.authority().issue("mail.other.test")));

        String deadMx = "mx1." + UNREACHED;
        sandbox.domain(UNREACHED).stsRecord("v=STSv1; id=" + Deployments.ID).mx(10, deadMx)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + UNREACHED).policy(POLICY.formatted(UNREACHED))
                .mxNoAddress(deadMx).zone().a(deadMx, MtaStsSandbox.DEAD_ADDRESS);

        String daneMx = "mx1." + DANE;
        IssuedCertificate certificate = sandbox.authority().issue(daneMx);
        String spki = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(certificate.certificate().getPublicKey().getEncoded()));
        String tlsa = "_25._tcp." + daneMx;
        sandbox.domain(DANE).stsRecord("v=STSv1; id=" + Deployments.ID).mx(10, daneMx)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + DANE).policy(POLICY.formatted(DANE))
                .mxBehaviour(daneMx, b -> b.withCertificate(certificate));
        sandbox.domain(DANE).zone().tlsa(tlsa, "3 1 1 " + spki, "3 1 1 " + "ab".repeat(32)).signed(tlsa);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void checkProbesByDefaultAndItsJsonValidatesWithTheProbe() throws IOException {
        CliRun run = CliRun.of(CliRun.args("check", options, "--json", "enforce.good.test"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = JSON.readTree(run.out());
        assertThat(errors(json)).isEmpty();
        assertThat(json.get("mx")).hasSize(2);
        for (JsonNode host : json.get("mx")) {
            JsonNode probe = host.get("probe");
            assertThat(probe).as(host.toString()).isNotNull();
            assertThat(probe.get("result").asText()).isEqualTo("STARTTLS_OK");
            JsonNode address = probe.get("addresses").get(0);
            assertThat(address.get("address").asText()).isEqualTo(host.get("addresses").get(0).asText())
                    .startsWith("127.0.1.");
            assertThat(address.get("connected").asBoolean()).isTrue();
            assertThat(address.get("extensions")).extracting(JsonNode::asText).contains("STARTTLS");
            assertThat(address.get("tlsVersion").asText()).startsWith("TLSv1.");
            assertThat(address.get("certificates").get(0).get("dnsNames")).extracting(JsonNode::asText)
                    .contains(host.get("host").asText());
            assertThat(address.get("daysLeft").asLong()).isPositive();
            assertThat(host.get("dane").get("status").asText()).isEqualTo("NONE");
        }
        List<String> purposes = new ArrayList<>();
        json.get("dns").forEach(l -> purposes.add(l.get("purpose").asText()));
        assertThat(purposes).containsSubsequence("MX_HOST", "TLSA", "MX_HOST", "TLSA");
    }

    @Test
    void noProbeMxGivesNoProbeButStillTheAddresses() throws IOException {
        CliRun run = CliRun.of(CliRun.args("check", options, "--json", "--no-probe-mx", "enforce.good.test"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = JSON.readTree(run.out());
        assertThat(errors(json)).isEmpty();
        for (JsonNode host : json.get("mx")) {
            assertThat(host.has("probe")).as(host.toString()).isFalse();
            assertThat(host.has("dane")).isFalse();
            assertThat(host.get("addressOutcome").asText()).isEqualTo("FOUND");
            assertThat(host.get("addresses")).isNotEmpty();
        }
        assertThat(json.get("dns").findValuesAsText("purpose")).contains("MX_HOST").doesNotContain("TLSA");

        CliRun text = CliRun.of(CliRun.args("check", options, "--no-probe-mx", "enforce.good.test"));
        assertThat(text.out()).doesNotContain("STARTTLS");
    }

    @Test
    void probeMxExplicitlyProbesToo() throws IOException {
        CliRun run = CliRun.of(CliRun.args("check", options, "--json", "--probe-mx", "enforce.good.test"));

        assertThat(JSON.readTree(run.out()).get("mx").get(0).get("probe").get("result").asText())
                .isEqualTo("STARTTLS_OK");
    }

    @Test
    void textShowsAProbeLinePerAddressUnderItsHost() {
        CliRun run = CliRun.of(CliRun.args("check", options, "enforce.good.test"));

        assertThat(run.out()).containsPattern("(?m)^ +ok  10 mx1\\.enforce\\.good\\.test  \\(mx: mx1\\.enforce\\.good"
                        + "\\.test\\)\\n +127\\.0\\.1\\.\\d+ +STARTTLS ok \\(TLSv1\\.[23]\\), certificate valid \\d+ days$")
                .doesNotContain("\u001b[");
    }

    /** The IPv6 address serves a certificate for another name: named, with its address, as the one that differs. */
    @Test
    void aDualStackHostWhoseIpv6AddressServesAnotherNameIsNamedByAddress() throws IOException {
        CliRun text = CliRun.of(CliRun.args("check", options, DUAL));

        assertThat(text.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(text.out()).contains("MAIL AT RISK", "MX_CERT_HOSTNAME_MISMATCH")
                .containsPattern("(?m)^ +127\\.0\\.1\\.\\d+ +STARTTLS ok")
                .containsPattern("(?m)^ +::1 +certificate for mail\\.other\\.test, not mx1\\.dual\\.cli\\.test$");

        JsonNode json = JSON.readTree(CliRun.of(CliRun.args("check", options, "--json", DUAL)).out());
        assertThat(errors(json)).isEmpty();
        JsonNode probe = json.get("mx").get(0).get("probe");
        assertThat(probe.get("result").asText()).isEqualTo("TLS_FAILED");
        assertThat(probe.get("addresses")).extracting(a -> a.get("family").asText() + " " + a.get("result").asText())
                .containsExactly("IPv4 STARTTLS_OK", "IPv6 TLS_FAILED");
        assertThat(probe.get("addresses").get(1).get("tlsFailure").asText()).isEqualTo("HOSTNAME_MISMATCH");
        assertThat(probe.get("differing")).extracting(JsonNode::asText).containsExactly("0:0:0:0:0:0:0:1");
    }

    @Test
    void anUnreachedHostIsNotProbedFromHereNeverBroken() throws IOException {
        CliRun text = CliRun.of(CliRun.args("check", options, UNREACHED));

        assertThat(text.out()).containsPattern("(?m)^ +127\\.0\\.0\\.254 +not probed: could not connect from here")
                .contains("MX_NOT_PROBED").doesNotContain("MAIL AT RISK");

        JsonNode json = JSON.readTree(CliRun.of(CliRun.args("check", options, "--json", UNREACHED)).out());
        assertThat(errors(json)).isEmpty();
        JsonNode address = json.get("mx").get(0).get("probe").get("addresses").get(0);
        assertThat(address.get("result").asText()).isEqualTo("CONNECT_FAILED");
        assertThat(address.get("connected").asBoolean()).isFalse();
        assertThat(address.get("certificates")).isEmpty();
    }

    @Test
    void daneValidAndMismatchAreShownAndWritten() throws IOException {
        CliRun valid = CliRun.of(CliRun.args("check", options, DANE));
        assertThat(valid.out()).contains("DANE valid: 1 TLSA record matches, the next key is published too");
        JsonNode validJson = JSON.readTree(CliRun.of(CliRun.args("check", options, "--json", DANE)).out());
        assertThat(errors(validJson)).isEmpty();
        JsonNode dane = validJson.get("mx").get(0).get("dane");
        assertThat(dane.get("status").asText()).isEqualTo("VALID");
        assertThat(dane.get("authenticated").asBoolean()).isTrue();
        assertThat(dane.get("records")).hasSize(2);
        assertThat(dane.get("matched")).hasSize(1);
        assertThat(dane.get("rolloverReady").asBoolean()).isTrue();

        CliRun mismatch = CliRun.of(CliRun.args("check", options, "dane-mismatch.test"));
        assertThat(mismatch.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(mismatch.out()).contains("DANE MISMATCH: no TLSA record matches what the host presents");
        JsonNode mismatchJson = JSON.readTree(CliRun.of(CliRun.args("check", options, "--json",
                "dane-mismatch.test")).out());
        assertThat(errors(mismatchJson)).isEmpty();
        assertThat(mismatchJson.get("mx").get(0).get("dane").get("status").asText()).isEqualTo("MISMATCH");
        assertThat(mismatchJson.get("mx").get(0).get("dane").get("matched")).isEmpty();
    }

    /** Without {@code --ca}, the sandbox CA is trusted by neither the fetcher nor the probe. */
    @Test
    void caIsTheProbesTrustToo() throws IOException {
        List<String> withoutCa = options.stream().filter(o -> !o.startsWith("--ca=")).toList();

        JsonNode json = JSON.readTree(CliRun.of(CliRun.args("check", withoutCa, "--json", "enforce.good.test"))
                .out());

        JsonNode address = json.get("mx").get(0).get("probe").get("addresses").get(0);
        assertThat(address.get("result").asText()).isEqualTo("TLS_FAILED");
        assertThat(address.get("tlsFailure").asText()).isEqualTo("UNTRUSTED");
    }

    /** Without {@code --allow-private-addresses}, the loopback MX addresses are refused, not probed. */
    @Test
    void privateMxAddressesAreRefusedUnlessAllowed() throws IOException {
        List<String> strict = options.stream().filter(o -> !o.equals("--allow-private-addresses")).toList();

        CliRun run = CliRun.of(CliRun.args("check", strict, "--json", "enforce.good.test"));

        JsonNode host = JSON.readTree(run.out()).get("mx").get(0);
        assertThat(host.has("probe")).isFalse();
        assertThat(host.get("refused")).isNotEmpty();
        assertThat(host.get("refused").get(0).get("address").asText())
                .isEqualTo(host.get("addresses").get(0).asText());
        assertThat(CliRun.of(CliRun.args("check", strict, "enforce.good.test")).out())
                .containsPattern("(?m)^ +127\\.0\\.1\\.\\d+ +not probed: ");
    }

    @Test
    void scanProbesByDefaultToo() throws IOException {
        CliRun run = CliRun.withStdin("enforce.good.test\n".getBytes(), CliRun.args("scan", options, "-"));

        JsonNode line = JSON.readTree(run.out().lines().findFirst().orElseThrow());
        assertThat(line.get("mx").get(0).get("probe").get("result").asText()).isEqualTo("STARTTLS_OK");
    }

    private static List<String> errors(JsonNode json) {
        return SCHEMA.validate(json.toString(), InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList();
    }
}
