/**
 * The bacula-fd charm's plan: what the File Daemon, its files and its relation data should be,
 * derived from the model's values by {@link io.backupcharms.fd.plan.PlanBuilder} with no Juju types
 * and no effect on the machine. Public only for the charm's own root package, which reads the model
 * into {@link io.backupcharms.fd.plan.PlanInputs} and applies the plan.
 */
package io.backupcharms.fd.plan;
