package dev.mtasts.tests;

import dev.mtasts.testkit.MtaStsSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One sandbox per test class, started before the class's own {@code @BeforeAll} methods and closed after its
 * tests: each test uses domains of its own, so they share the DNS and HTTPS servers without interfering.
 */
abstract class SandboxTest {

    static MtaStsSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = MtaStsSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }
}
