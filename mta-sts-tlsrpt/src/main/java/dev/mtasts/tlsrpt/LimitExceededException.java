package dev.mtasts.tlsrpt;

import java.io.IOException;

/** More bytes than a limit allows: thrown by {@link Bounded} as soon as the first byte beyond the limit is read. */
final class LimitExceededException extends IOException {

    private static final long serialVersionUID = 1L;

    LimitExceededException(String message) {
        super(message);
    }
}
