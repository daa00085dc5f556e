package dev.mtasts.examples.cli;

import dev.mtasts.report.PolicySnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot file of {@code --previous} and {@code --save}: one {@link PolicySnapshot#toLine()} a line, one line
 * per domain; blank lines and {@code #} comments are skipped.
 */
final class Snapshots {

    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);

    private final Map<String, PolicySnapshot> byDomain;

    private Snapshots(Map<String, PolicySnapshot> byDomain) {
        this.byDomain = byDomain;
    }

    static Snapshots none() {
        return new Snapshots(Map.of());
    }

    /**
     * Reads a snapshot file. A file that does not exist yet is an empty one, so
     * {@code --previous s.txt --save s.txt} works from the first run on.
     *
     * @throws InputException naming the line when a line is not a snapshot, or when the file cannot be read
     */
    static Snapshots read(Path file) {
        Map<String, PolicySnapshot> map = new HashMap<>();
        FileErrors.requireNotDirectory("cannot read snapshot file", file);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                try {
                    PolicySnapshot snapshot = PolicySnapshot.parseLine(text);
                    map.put(snapshot.domain(), snapshot);
                } catch (IllegalArgumentException e) {
                    throw new InputException(file + " line " + number + ": not a snapshot line: " + e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            LOG.debug("no snapshot file {} yet: no previous snapshots", file);
        } catch (IOException e) {
            throw FileErrors.of("cannot read snapshot file", file, e);
        }
        return new Snapshots(map);
    }

    Optional<PolicySnapshot> get(String domain) {
        return Optional.ofNullable(byDomain.get(domain));
    }

    int size() {
        return byDomain.size();
    }
}
