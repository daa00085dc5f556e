package dev.mtasts.resolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The argument checks the answer types' factories ({@code found}, {@code nxdomain}, {@code nodata},
 * {@code failure}) share: each refuses a null by the parameter's name, a {@code found} without records, and a
 * {@code failure} whose outcome is an answer.
 */
final class FakeAnswers {

    private FakeAnswers() {
    }

    /**
     * @param values    the records of a {@code found} factory
     * @param parameter the parameter's name, for the messages
     * @param <T>       the element type
     * @return the values, as an unmodifiable list
     * @throws NullPointerException     naming the parameter (and the index of a null element)
     * @throws IllegalArgumentException when there are no values
     */
    static <T> List<T> nonEmpty(List<T> values, String parameter) {
        Objects.requireNonNull(values, parameter);
        List<T> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(Objects.requireNonNull(values.get(i), parameter + "[" + i + "]"));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("a FOUND answer has at least one record: give " + parameter
                    + ", or use nodata(...) for a name without records of the type");
        }
        return List.copyOf(out);
    }

    /**
     * @param outcome the outcome a {@code failure} factory was given
     * @return the outcome
     * @throws IllegalArgumentException when it is FOUND, NXDOMAIN or NODATA, which have factories of their own
     */
    static DnsOutcome failureOutcome(DnsOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome.isAnswer()) {
            throw new IllegalArgumentException(outcome + " is an answer, not a failure: use "
                    + outcome.name().toLowerCase(java.util.Locale.ROOT) + "(...)");
        }
        return outcome;
    }
}
