/** Placeholder until this module's issue lands; see DESIGN.md for its role. */
package io.backupcharms.schema;
