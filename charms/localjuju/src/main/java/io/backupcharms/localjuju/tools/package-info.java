/**
 * The hook tools, answered by the model's agent: argument parsing with Juju's flag rules and error
 * strings, output in Juju's smart/json/yaml formats, one class per tool family, and the per-hook
 * context that holds writes until the hook exits 0. See {@code
 * shared/reference/juju-hook-tools.md}.
 */
package io.backupcharms.localjuju.tools;
