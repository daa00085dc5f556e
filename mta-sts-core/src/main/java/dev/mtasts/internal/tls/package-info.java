/**
 * The asynchronous TLS client plumbing that {@code mta-sts-http} and {@code mta-sts-smtp} share: transports over
 * {@link java.nio.channels.AsynchronousSocketChannel} (plain, and TLS with an {@link javax.net.ssl.SSLEngine}),
 * the shared I/O and timer threads, the trust set-up with its engine settings, and the categorising of a refused
 * chain ({@code UNTRUSTED}, {@code EXPIRED}, {@code NOT_YET_VALID}, {@code HOSTNAME_MISMATCH}, {@code HANDSHAKE}).
 *
 * <p>Not API: the module exports this package only to {@code dev.mtasts.http} and {@code dev.mtasts.smtp}, and it
 * may change in any release.
 */
package dev.mtasts.internal.tls;
