/** The default {@code PolicyFetcher}: HTTPS to the addresses the validator resolved. */
package dev.mtasts.http;
