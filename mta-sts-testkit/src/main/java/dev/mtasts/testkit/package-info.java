/** In-process DNS, HTTPS and SMTP servers and a throw-away CA on loopback, for tests and the demo. */
package dev.mtasts.testkit;
