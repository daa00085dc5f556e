/**
 * The checks behind a {@code Validator}: one class per layer, each turning observations into findings, and the
 * rules that derive the verdict, the promotion and the remediation from them; {@code ReportAssembler} runs them.
 * Not API: the package is public only so that {@code dev.mtasts.ValidationRun} can call it; the module does not
 * export it, and it may change in any release.
 */
package dev.mtasts.validate;
