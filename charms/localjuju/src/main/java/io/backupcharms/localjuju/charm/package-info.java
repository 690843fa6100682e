/** Reading charm metadata and unpacking {@code .charm} files with their unix modes. */
package io.backupcharms.localjuju.charm;
