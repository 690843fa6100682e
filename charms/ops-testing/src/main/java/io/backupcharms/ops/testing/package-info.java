/**
 * State-transition testing for charms, in the manner of ops' Scenario: arrange an immutable {@link
 * io.backupcharms.ops.testing.State}, run one event with {@link
 * io.backupcharms.ops.testing.Context#run}, assert on the returned {@code State} and on what the
 * context recorded (status history, action results and logs, juju-log lines). The charm runs
 * unchanged, in-process, against an in-memory backend that follows Juju's rules and raises the same
 * errors as the real hook tools.
 */
package io.backupcharms.ops.testing;
