package dev.mtasts.examples.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a file named on the command line could not be read or written, in words ({@code no such file},
 * {@code is a directory}, {@code permission denied}), never an exception's class name.
 */
final class FileErrors {

    private FileErrors() {
    }

    /**
     * @param action what was tried, such as {@code "cannot read"}
     * @param file   the file, as given
     * @param e      what went wrong
     * @return an input error saying {@code "<action> <file>: <reason>"}
     */
    static InputException of(String action, Object file, IOException e) {
        return new InputException(action + " " + file + ": " + reason(e), e);
    }

    /**
     * Opening a directory for reading succeeds on some systems and fails only at the first read; ask first.
     *
     * @param action what is about to be tried, such as {@code "cannot read"}
     * @param file   a file to read
     * @throws InputException when it is a directory
     */
    static void requireNotDirectory(String action, Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(action + " " + file + ": is a directory");
        }
    }

    /**
     * @param e a failure of a file operation
     * @return its reason in words
     */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a directory";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return lowerFirst(((FileSystemException) e).getReason());
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "input/output error";
        }
        return lowerFirst(message);
    }

    /** {@code "Is a directory"} as the system says it becomes {@code "is a directory"}, to follow a colon. */
    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        return s;
    }
}
