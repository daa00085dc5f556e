package dev.mtasts.examples.cli;

import dev.mtasts.policy.PolicyParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code --policy-file} as a fetcher reads a policy: at most 64 KiB and one byte, so that a huge file (or
 * {@code /dev/zero}) costs no more than a policy and is reported as senders see it, {@code POLICY_TOO_LARGE}.
 */
final class PolicyFile {

    /** The most bytes read: one past the 64 KiB senders read, enough to tell the policy is longer. */
    static final int READ_LIMIT = PolicyParser.MAX_POLICY_BYTES + 1;

    private PolicyFile() {
    }

    /**
     * @param file the file
     * @return its first {@link #READ_LIMIT} bytes at most
     * @throws InputException when it is missing, a directory or unreadable
     */
    static byte[] read(Path file) {
        FileErrors.requireNotDirectory("--policy-file: cannot read", file);
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(READ_LIMIT);
        } catch (IOException e) {
            throw FileErrors.of("--policy-file: cannot read", file, e);
        }
    }
}
