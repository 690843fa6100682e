/**
 * The {@code localjuju} command: model-level verbs run here (add-model, destroy-model, models,
 * switch, exec, ssh); every other verb is forwarded to the model's controller daemon.
 */
package io.backupcharms.localjuju.cli;
