package dev.mtasts.testkit;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A named, ready-made MTA-STS deployment that {@link Deployments} can install into a {@link MtaStsSandbox}: one
 * common real-world setup, good or broken, under its own domain.
 *
 * <pre>{@code
 * Deployment backupMx = Deployments.byDomain("backup-mx.test").orElseThrow();
 * backupMx.installInto(sandbox);
 * System.out.println(backupMx.title() + ": " + backupMx.description());
 * }</pre>
 *
 * @param domain      the domain it is installed under, such as {@code enforce.good.test}
 * @param title       a few words: "clean enforce", "redirect to www"
 * @param description one sentence on what is set up and what a validator should say
 * @param installer   configures the domain
 * @since 0.1.0
 */
public record Deployment(String domain, String title, String description, Consumer<SandboxDomain> installer) {

    /** Validates the components. */
    public Deployment {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(installer, "installer");
    }

    /**
     * @param sandbox the sandbox to install into
     * @return the configured domain
     */
    public SandboxDomain installInto(MtaStsSandbox sandbox) {
        Objects.requireNonNull(sandbox, "sandbox");
        SandboxDomain d = sandbox.domain(domain);
        installer.accept(d);
        return d;
    }
}
