package dev.mtasts.examples.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The page and its files, read once from the class path ({@code dev/mtasts/examples/serve/static/}): the HTML,
 * one style sheet, one script and an icon. Nothing else is served, and the page loads nothing from another host.
 */
final class StaticFiles {

    /** A file as served. */
    record File(String contentType, byte[] body) {
    }

    private static final String ROOT = "/dev/mtasts/examples/serve/static/";

    private final Map<String, File> files;

    private StaticFiles(Map<String, File> files) {
        this.files = files;
    }

    /** @return the files, read from the class path */
    static StaticFiles load() {
        return new StaticFiles(Map.of(
                "/", read("index.html", "text/html; charset=utf-8"),
                "/static/app.css", read("app.css", "text/css; charset=utf-8"),
                "/static/app.js", read("app.js", "text/javascript; charset=utf-8"),
                "/static/icon.svg", read("icon.svg", "image/svg+xml")));
    }

    /** @return the file at a request path */
    Optional<File> get(String path) {
        return Optional.ofNullable(files.get(path));
    }

    private static File read(String name, String type) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException(ROOT + name + " is missing from the class path");
            }
            return new File(type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + name, e);
        }
    }
}
