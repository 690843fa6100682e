package io.backupcharms.ops.model;

/**
 * One spelling for a secret's URI. Juju 3.6's {@code secret-add} prints {@code
 * secret://<model-uuid>/<id>} while {@code secret-info-get}, {@code JUJU_SECRET_ID} of older
 * controllers and ids published by earlier charm revisions say {@code secret:<id>}; a charm that
 * compared or republished them as given would see one secret as two, and its peers a change that is
 * none.
 */
final class SecretUri {
  private SecretUri() {}

  /**
   * {@code secret:<id>} for any of {@code secret:<id>}, {@code secret://<uuid>/<id>} or a bare id.
   */
  static String canonical(String uri) {
    String s = uri.startsWith("secret:") ? uri.substring("secret:".length()) : uri;
    if (s.startsWith("//")) {
      s = s.substring(s.lastIndexOf('/') + 1);
    }
    return "secret:" + s;
  }
}
