/** The default {@code DnsResolver}, built on dnsjava. */
package dev.mtasts.dns;
