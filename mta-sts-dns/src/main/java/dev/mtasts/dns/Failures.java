package dev.mtasts.dns;

import dev.mtasts.resolver.DnsOutcome;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.WireParseException;

/** Maps what dnsjava throws to a {@link DnsOutcome}: a time-out, a garbled reply or a network error. */
final class Failures {

    private Failures() {
    }

    static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static DnsOutcome outcomeOf(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
            return DnsOutcome.TIMEOUT;
        }
        if (t instanceof WireParseException) {
            return DnsOutcome.MALFORMED;
        }
        if (t instanceof IOException) {
            return DnsOutcome.NETWORK_ERROR;
        }
        // dnsjava signals a few malformed replies with unchecked exceptions (a bad name, a bad record)
        if (t instanceof IllegalArgumentException || t instanceof IndexOutOfBoundsException) {
            return DnsOutcome.MALFORMED;
        }
        return DnsOutcome.NETWORK_ERROR;
    }

    static String describe(Throwable error) {
        Throwable t = unwrap(error);
        String message = t.getMessage();
        String kind = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
