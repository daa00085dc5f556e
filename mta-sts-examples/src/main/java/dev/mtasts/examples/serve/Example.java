package dev.mtasts.examples.serve;

import java.util.Objects;

/**
 * A domain the page offers to check with one click: the demo's sandbox deployments.
 *
 * @param domain      the domain
 * @param title       a few words
 * @param description what it shows
 */
record Example(String domain, String title, String description) {

    Example {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
    }
}
