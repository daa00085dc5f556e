/**
 * The checks behind {@code MtaStsValidator}: one class per layer, each turning observations into findings.
 * Not API: the package is public only so that {@code dev.mtasts.MtaStsValidator} can call it, and may change
 * in any release.
 */
package dev.mtasts.validate;
