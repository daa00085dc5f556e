/**
 * Helpers shared by the parsers and the validator: quoting of observed values ({@link dev.mtasts.internal.Quoting})
 * and the extension-field grammar ({@link dev.mtasts.internal.ExtensionSyntax}).
 *
 * <p>Not API: the module does not export this package, and it may change in any release.
 */
package dev.mtasts.internal;
