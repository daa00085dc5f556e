package dev.mtasts.examples.cli;

/** An input the user gave cannot be used (a file that cannot be read, a line that cannot be parsed): exit code 2. */
final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }

    InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
