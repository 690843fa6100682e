package io.backupcharms.bacula.config;

import java.util.regex.Pattern;

/**
 * The Options block of a FileSet's Include.
 *
 * @param signature the per-file signature stored in the catalog (needed by Verify and Accurate)
 * @param compression software compression, or {@link Compression#NONE}
 * @param oneFs stay on one file system (onefs = yes) or cross mount points
 * @param aclSupport save POSIX ACLs
 * @param xattrSupport save extended attributes
 * @param accurate the attributes Accurate mode compares (Bacula's letters, e.g. {@code mcs}), or
 *     null for Bacula's default
 */
public record FileSetOptions(
    Signature signature,
    Compression compression,
    boolean oneFs,
    boolean aclSupport,
    boolean xattrSupport,
    String accurate) {
  private static final Pattern ACCURATE = Pattern.compile("[ipnugsamcdA15]{1,20}");

  public FileSetOptions {
    Check.present("FileSet Options", "signature", signature);
    Check.present("FileSet Options", "compression", compression);
    if (accurate != null && !ACCURATE.matcher(accurate).matches()) {
      throw new InvalidConfigException(
          "FileSet Options: accurate \""
              + Check.printable(accurate)
              + "\" is not a set of Bacula accurate letters (i p n u g s a m c d A 1 5), e.g. mcs");
    }
  }

  /** MD5 signatures, no compression, one file system, ACLs and xattrs kept. */
  public static FileSetOptions defaults() {
    return new FileSetOptions(Signature.MD5, Compression.NONE, true, true, true, null);
  }

  /** A copy with another compression. */
  public FileSetOptions withCompression(Compression c) {
    return new FileSetOptions(signature, c, oneFs, aclSupport, xattrSupport, accurate);
  }

  /** A copy with another signature. */
  public FileSetOptions withSignature(Signature s) {
    return new FileSetOptions(s, compression, oneFs, aclSupport, xattrSupport, accurate);
  }

  /** A copy that crosses (false) or stays on (true) one file system. */
  public FileSetOptions withOneFs(boolean one) {
    return new FileSetOptions(signature, compression, one, aclSupport, xattrSupport, accurate);
  }

  /** A copy with the Accurate comparison letters, e.g. {@code mcs}. */
  public FileSetOptions withAccurate(String letters) {
    return new FileSetOptions(signature, compression, oneFs, aclSupport, xattrSupport, letters);
  }

  /** Per-file signature algorithms. */
  public enum Signature {
    MD5("MD5"),
    SHA1("SHA1"),
    NONE(null);

    private final String bacula;

    Signature(String bacula) {
      this.bacula = bacula;
    }

    /** The keyword Bacula reads, or null when the directive is left out. */
    public String baculaName() {
      return bacula;
    }
  }

  /** Software compression algorithms. */
  public enum Compression {
    NONE(null),
    GZIP("GZIP"),
    GZIP1("GZIP1"),
    GZIP6("GZIP6"),
    GZIP9("GZIP9"),
    LZO("LZO");

    private final String bacula;

    Compression(String bacula) {
      this.bacula = bacula;
    }

    /** The keyword Bacula reads, or null when the directive is left out. */
    public String baculaName() {
      return bacula;
    }
  }
}
