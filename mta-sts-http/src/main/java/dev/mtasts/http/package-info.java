/**
 * The default {@link dev.mtasts.fetcher.PolicyFetcher}: {@link dev.mtasts.http.HttpsPolicyFetcher}, HTTPS to
 * the addresses the validator resolved.
 *
 * <h2>Why a small client of its own</h2>
 * The fetcher must connect to addresses it is given while sending SNI for, and verifying the certificate of,
 * another name (the policy host); the JDK's {@code java.net.http.HttpClient} always resolves the URI's host
 * itself and offers no way to do that. Apache HttpClient 5 or OkHttp can, but the fetch needs more control
 * than their configuration gives cleanly: the exact reason a certificate was refused (expired vs. untrusted vs.
 * name), the chain presented even when the handshake fails, a body cap that stops reading at the cap plus one
 * byte, one time budget (the request's deadline) across every address, every byte and the plain-HTTP
 * diagnostic, no session resumption (so a fixed certificate is seen at once), no redirects, no cache, and no
 * connection reuse. The protocol needed is small: one
 * {@code GET} with {@code Connection: close} and a response framed by {@code Content-Length}, chunked coding
 * or the end of the connection. So this package implements it over the JDK's non-blocking
 * {@link java.nio.channels.AsynchronousSocketChannel} and {@link javax.net.ssl.SSLEngine}: no dependency
 * besides {@code mta-sts-core} and SLF4J, and no thread per fetch (a few shared I/O threads and one timer).
 *
 * @since 0.1.0
 */
package dev.mtasts.http;
