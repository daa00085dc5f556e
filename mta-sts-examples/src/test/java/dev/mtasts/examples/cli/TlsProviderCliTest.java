package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.MtaStsSandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --tls-provider}: Conscrypt and the JDK give the same report, finding for finding, for good deployments and
 * for every kind of TLS failure of the policy host and the MX hosts; a value that is neither is a usage error.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsProviderCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MtaStsSandbox sandbox;
    private static List<String> options;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = MtaStsSandbox.start();
        Deployments.installAll(sandbox);
        options = CliRun.sandboxOptions(sandbox, dir);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"enforce.good.test", "testing.good.test", "wildcard.good.test", "expired-cert.test",
            "wrong-cert.test", "mx-expired-cert.test", "mx-wrong-cert.test", "mx-no-starttls.test",
            "dane-mismatch.test", "http-only.test"})
    void conscryptAndTheJdkGiveTheSameFindings(String domain) throws Exception {
        JsonNode jdk = report("jdk", domain);
        JsonNode conscrypt = report("conscrypt", domain);

        assertThat(summary(conscrypt)).isEqualTo(summary(jdk)).isNotEmpty();
        assertThat(conscrypt.get("verdict")).isEqualTo(jdk.get("verdict"));
        assertThat(conscrypt.get("atRisk")).isEqualTo(jdk.get("atRisk"));
    }

    @Test
    void anUnknownProviderIsAUsageErrorNamingTheChoices() {
        CliRun run = CliRun.of(CliRun.args("check", options, "--tls-provider", "openssl", "enforce.good.test"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'openssl' is not auto, jdk or conscrypt");
    }

    @Test
    void autoIsTheDefaultAndUsesConscryptHere() {
        assertThat(TlsProviderChoice.AUTO.provider()).hasValueSatisfying(p -> assertThat(p.getName())
                .isEqualTo("Conscrypt"));
        assertThat(TlsProviderChoice.JDK.provider()).isEmpty();
        assertThat(CliRun.of("check", "--help").out()).contains("--tls-provider", "Default: auto");
    }

    @Test
    void conscryptChecksEcdsaSignaturesButTheJdkStillParsesCertificates() throws Exception {
        TlsProviderChoice.AUTO.provider();

        assertThat(java.security.Signature.getInstance("SHA256withECDSA").getProvider().getName())
                .isEqualTo(NativeSignatures.NAME);
        assertThat(java.security.cert.CertificateFactory.getInstance("X.509").getProvider().getName())
                .isEqualTo("SUN");
        assertThat(java.security.Security.getProviders()).extracting(java.security.Provider::getName)
                .doesNotContain("Conscrypt");
        // a real certificate's signature, checked by the native provider: a good one passes, a foreign key fails
        java.security.cert.X509Certificate leaf = sandbox.authority().issue("mx1.sig.test").certificate();
        java.security.cert.X509Certificate issuer = sandbox.authority().intermediateCertificate();
        leaf.verify(issuer.getPublicKey());
        assertThatThrownBy(() -> leaf.verify(leaf.getPublicKey()))
                .isInstanceOf(java.security.SignatureException.class);
    }

    private static JsonNode report(String provider, String domain) throws Exception {
        CliRun run = CliRun.of(CliRun.args("check", options, "--json", "--tls-provider", provider, domain));
        assertThat(run.err()).doesNotContain("Exception");
        return JSON.readTree(run.out());
    }

    /** Each layer's status, each MX address's probe result, each finding: what a reader of the report sees. */
    private static List<String> summary(JsonNode report) {
        List<String> lines = new ArrayList<>();
        report.get("layers").forEach(l -> lines.add(l.toString()));
        report.get("mx").forEach(h -> {
            if (h.has("probe")) {
                h.get("probe").get("addresses").forEach(a -> lines.add(h.get("host").asText() + " "
                        + a.get("address").asText() + " " + a.get("result").asText() + " "
                        + a.path("tlsFailure").asText()));
            }
        });
        report.get("findings").forEach(f -> lines.add(f.get("severity").asText() + " " + f.get("code").asText() + " "
                + f.get("message").asText().replaceAll("\\d+ ms", "N ms")));
        return lines;
    }
}
