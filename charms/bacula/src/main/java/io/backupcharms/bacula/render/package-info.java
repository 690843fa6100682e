/**
 * Renders the {@code config} model to the bytes Bacula reads. Public entry point: {@link
 * io.backupcharms.bacula.render.BaculaRenderer}. Output is deterministic (resources sorted by name,
 * no timestamps) and injection-safe: every string is quoted and escaped the way Bacula's lexer
 * reads it, and strings it cannot hold are rejected naming the resource and field.
 */
package io.backupcharms.bacula.render;
