package dev.mtasts.examples.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through Debian's chromedriver, both found at fixed paths (no Selenium Manager, nothing
 * downloaded), kept off every network but loopback: background services, updates, sync, metrics and DNS
 * pre-fetching off, every host name but 127.0.0.1 unresolvable, and a proxy on a closed loopback port for anything
 * that is not 127.0.0.1, so a stray request fails instead of leaving the machine.
 */
final class Browser {

    static final String CHROMIUM = setting("MTA_STS_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = setting("MTA_STS_CHROMEDRIVER", "/usr/bin/chromedriver");
    static final String AXE = setting("MTA_STS_AXE_CORE",
            System.getProperty("user.home") + "/.cache/mta-sts-java/npm/node_modules/axe-core/axe.min.js");

    private Browser() {
    }

    /** @return why the browser tests cannot run here, and how to make them run; empty when they can */
    static Optional<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            missing.add("chromium (" + CHROMIUM + ")");
        }
        if (!Files.isExecutable(Path.of(CHROMEDRIVER))) {
            missing.add("chromedriver (" + CHROMEDRIVER + ")");
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("browser tests skipped: " + String.join(" and ", missing) + " not found; install with"
                + " bash .ci/install-chromium.sh (apt-get install chromium chromium-driver), or set MTA_STS_CHROMIUM"
                + " and MTA_STS_CHROMEDRIVER");
    }

    /** @return the axe-core script, or why the accessibility check is skipped */
    static String axeSource() throws IOException {
        return Files.readString(Path.of(AXE), StandardCharsets.UTF_8);
    }

    static Optional<String> axeMissing() {
        return Files.isReadable(Path.of(AXE)) ? Optional.empty()
                : Optional.of("accessibility check skipped: axe-core not found at " + AXE + "; install with bash"
                        + " .ci/install-chromium.sh (npm install --prefix ~/.cache/mta-sts-java/npm axe-core), or"
                        + " set MTA_STS_AXE_CORE to axe.min.js");
    }

    static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",                       // CI runs as root
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=1280,2000",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-domain-reliability",
                "--disable-client-side-phishing-detection",
                "--disable-breakpad",
                "--disable-crash-reporter",
                "--metrics-recording-only",
                "--safebrowsing-disable-auto-update",
                "--password-store=basic",
                "--use-mock-keychain",
                "--dns-prefetch-disable",
                "--disable-features=OptimizationHints,MediaRouter,DialMediaRouteProvider,Translate,"
                        + "AutofillServerCommunication,CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying,"
                        + "InterestFeedContentSuggestions,PrivacySandboxSettings4",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--proxy-server=127.0.0.1:9",
                "--proxy-bypass-list=127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
