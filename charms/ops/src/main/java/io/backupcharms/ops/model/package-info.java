/**
 * The Model API a charm reads and changes Juju through: {@link io.backupcharms.ops.model.Model},
 * units, applications, relations with their databags, config, secrets, ports and networks. Juju's
 * rules (who may read or write which databag) are enforced here before any tool runs.
 */
package io.backupcharms.ops.model;
