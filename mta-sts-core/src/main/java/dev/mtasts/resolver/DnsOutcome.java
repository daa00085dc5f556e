package dev.mtasts.resolver;

/**
 * What DNS said about a name and type, kept exact: "no such name", "no record of this type" and
 * "the resolver could not find out" are different facts and lead to different advice.
 *
 * <p>{@link #FOUND}, {@link #NXDOMAIN} and {@link #NODATA} are answers: DNS gave a definite reply.
 * The other outcomes are failures: nothing is known about the name.
 *
 * <pre>{@code
 * TxtAnswer answer = resolver.txt(DomainName.of("_mta-sts.example.com")).toCompletableFuture().join();
 * switch (answer.outcome()) {
 *     case FOUND -> System.out.println(answer.joined());
 *     case NXDOMAIN, NODATA -> System.out.println("no record");
 *     default -> System.out.println("look-up failed: " + answer.result().detail().orElse(""));
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum DnsOutcome {
    /** The name exists and has at least one record of the type asked for. */
    FOUND,
    /** The name does not exist (RCODE 3, NXDOMAIN). */
    NXDOMAIN,
    /** The name exists but has no record of the type asked for (NOERROR with an empty answer, RFC 2308 §2.2). */
    NODATA,
    /** The server could not answer (RCODE 2, SERVFAIL), or answered with another error code, or the CNAME chain was broken (a loop, too long). */
    SERVFAIL,
    /** The server refused to answer (RCODE 5, REFUSED). */
    REFUSED,
    /** No reply came within the time allowed. */
    TIMEOUT,
    /** The query could not be sent or the reply not received: connection refused, port unreachable, no route. */
    NETWORK_ERROR,
    /** A reply came but could not be parsed or did not match the query. */
    MALFORMED;

    /**
     * @return true for {@link #FOUND}, {@link #NXDOMAIN} and {@link #NODATA}: DNS gave a definite reply
     */
    public boolean isAnswer() {
        return this == FOUND || this == NXDOMAIN || this == NODATA;
    }

    /**
     * @return true when nothing is known about the name: the opposite of {@link #isAnswer()}
     */
    public boolean isFailure() {
        return !isAnswer();
    }
}
