package io.backupcharms.ops.hooktools;

/**
 * What {@code secret-info-get} reports about a secret this unit or its application owns.
 *
 * @param id the secret URI, {@code secret:<id>}
 * @param label the owner's label, empty if none
 * @param revision the latest revision
 * @param owner {@code application} or {@code unit}
 * @param rotation the rotation policy, e.g. {@code never}
 * @param description the description, empty if none
 * @param expiry the expiry time as Juju prints it, empty if none
 */
public record SecretInfo(
    String id,
    String label,
    int revision,
    String owner,
    String rotation,
    String description,
    String expiry) {
  public SecretInfo {
    label = label == null ? "" : label;
    owner = owner == null ? "" : owner;
    rotation = rotation == null ? "" : rotation;
    description = description == null ? "" : description;
    expiry = expiry == null ? "" : expiry;
  }
}
