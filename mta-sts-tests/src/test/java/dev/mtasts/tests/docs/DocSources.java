package dev.mtasts.tests.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The documentation whose examples are compiled: the top-level {@code README.md}, every module's
 * {@code README.md}, and the Javadoc of the main sources of the published modules.
 */
final class DocSources {

    /** The published modules, whose Javadoc users read; a module that does not exist (yet) is left out. */
    static final List<String> PUBLISHED_MODULES =
            List.of("mta-sts-core", "mta-sts-dns", "mta-sts-http", "mta-sts-smtp", "mta-sts-tlsrpt", "mta-sts-testkit",
                    "mta-sts-json");

    private final Path root;

    private DocSources(Path root) {
        this.root = root;
    }

    /** @return the sources of the repository this test runs in (found upwards from the working directory) */
    static DocSources ofThisRepository() {
        return new DocSources(repositoryRoot());
    }

    /** @return the repository root: the first directory upwards from the working directory with mta-sts-core */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("mta-sts-core")) && Files.isRegularFile(dir.resolve("README.md"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    Path root() {
        return root;
    }

    /** @return the {@code ```java} blocks of the top-level README, in order */
    List<Snippet> topLevelReadme() {
        return SnippetExtractor.markdown("README.md", read(root.resolve("README.md")));
    }

    /** @return the {@code ```java} blocks of the top-level README and of every {@code <module>/README.md} */
    List<Snippet> readmes() {
        List<Snippet> out = new ArrayList<>(topLevelReadme());
        for (Path readme : moduleReadmes()) {
            out.addAll(SnippetExtractor.markdown(name(readme), read(readme)));
        }
        return out;
    }

    /** @return the {@code <pre>{@code ...}</pre>} blocks of the published modules' main sources */
    List<Snippet> javadoc() {
        List<Snippet> out = new ArrayList<>();
        for (String module : PUBLISHED_MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    out.addAll(SnippetExtractor.javadoc(name(file), read(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** @return the README and Javadoc blocks together */
    List<Snippet> all() {
        List<Snippet> out = new ArrayList<>(readmes());
        out.addAll(javadoc());
        return out;
    }

    private List<Path> moduleReadmes() {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(d -> d.resolve("README.md")).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String name(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
