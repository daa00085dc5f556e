/**
 * The change planner: the safe order of an MX or policy change (RFC 8461 §8.1), with dates computed from
 * {@code max_age}, the TTLs and a clock.
 *
 * <p>Senders cache a policy for up to its {@code max_age} since they fetched it, so a new MX host that the cached
 * policy does not list is refused ({@code enforce}) or reported ({@code testing}) until the cache expires.
 * {@link dev.mtasts.plan.ChangePlanner#plan} reads a {@link dev.mtasts.report.ValidationReport} of the domain as
 * it is and a {@link dev.mtasts.plan.ChangeRequest}, and returns a {@link dev.mtasts.plan.ChangePlan}: the
 * {@link dev.mtasts.plan.ChangeRisk} of making the change at once, and the {@link dev.mtasts.plan.PlanStep}s that
 * avoid it, each with its earliest date and the policy and record to publish.
 * {@link dev.mtasts.Validator#plan(String, dev.mtasts.plan.ChangeRequest)} validates and plans in one call.
 *
 * <pre>{@code
 * ChangePlan plan = validator.plan("example.com", ChangeRequest.builder().newMx("mx2.example.com").build()).join();
 * System.out.println(plan.status() + ": " + plan.summary());
 * plan.steps().forEach(step -> System.out.println(step.number() + ". " + step.earliest() + "  " + step.instruction()));
 * }</pre>
 *
 * <p>Every type here is immutable and thread-safe, except {@link dev.mtasts.plan.ChangeRequest.Builder}. No method
 * accepts or returns {@code null}.
 *
 * @since 0.2.0
 */
package dev.mtasts.plan;
