/**
 * The model's controller: a daemon per model that owns its state, machines and unit hook queues,
 * and answers the hook tools and the CLI over one unix socket ({@code agent.sock}).
 */
package io.backupcharms.localjuju.agent;
