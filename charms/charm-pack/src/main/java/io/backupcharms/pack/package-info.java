/**
 * Builds {@code .charm} archives from charm modules, and reads them back for tests.
 *
 * <p>{@link io.backupcharms.pack.CharmPack} is the command a charm module's build runs in the
 * {@code package} phase (see {@code charms/charm-pack/README.md}); {@link
 * io.backupcharms.pack.PackedCharm} is public so that each charm module's tests can open the built
 * archive, check what {@code juju deploy} relies on, and unpack it to run {@code dispatch}.
 */
package io.backupcharms.pack;
