package io.backupcharms.server.workload;

import io.backupcharms.bacula.config.Tls;
import io.backupcharms.bacula.tls.CertificateAuthority;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.bacula.tls.TlsContexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The Director's and Storage Daemon's TLS files on the leader's machine: the authority's
 * certificate and the server's own key and certificate, issued for its ingress address and for
 * 127.0.0.1. The key is readable by root and the daemons' group only. Reissued when the address
 * or the authority changes; otherwise left as it is, so a hook changes nothing.
 *
 * @param directory where the files live, {@code /etc/bacula/tls} on Debian
 */
public record ServerTlsFiles(Path directory) {
  private static final String LOOPBACK = "127.0.0.1";

  /** Debian's place, beside the daemons' configuration. */
  public static final ServerTlsFiles DEBIAN = new ServerTlsFiles(Path.of("/etc/bacula/tls"));

  /** Makes sure the files hold a certificate from {@code authority} for {@code address}. */
  public Tls install(CertificateAuthority authority, String address) {
    try {
      Directories.ensure(directory, ServerLayout.USER, "rwxr-x---");
      boolean current = read("ca.pem").equals(Optional.of(authority.certificate()))
          && read("address").equals(Optional.of(address))
          && Files.isRegularFile(key()) && Files.isRegularFile(certificate());
      if (!current) {
        KeyAndCertificate own = address.equals(LOOPBACK) ? authority.issue(address)
            : authority.issue(address, LOOPBACK);
        write("server.key", own.key(), "rw-r-----");
        write("server.pem", own.certificate(), "rw-r--r--");
        write("ca.pem", authority.certificate(), "rw-r--r--");
        write("address", address, "rw-r--r--");
      }
      return files();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the TLS files in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The files as the daemons' resources name them. */
  public Tls files() {
    return Tls.required(directory.resolve("ca.pem").toString(), certificate().toString(), key().toString());
  }

  /**
   * The charm's own TLS context for its consoles and File Daemon probes: trusts the authority,
   * presents the server's certificate. Empty before {@link #install}.
   */
  public Optional<SSLContext> context() {
    try {
      Optional<String> ca = read("ca.pem");
      Optional<String> key = read("server.key");
      Optional<String> cert = read("server.pem");
      if (ca.isEmpty() || key.isEmpty() || cert.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(TlsContexts.mutual(ca.get(), new KeyAndCertificate(key.get(), cert.get())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Path key() {
    return directory.resolve("server.key");
  }

  private Path certificate() {
    return directory.resolve("server.pem");
  }

  private Optional<String> read(String name) throws IOException {
    Path p = directory.resolve(name);
    return Files.isRegularFile(p) ? Optional.of(Files.readString(p)) : Optional.empty();
  }

  private void write(String name, String text, String mode) throws IOException {
    Path target = directory.resolve(name);
    Path tmp = directory.resolve("." + name + ".new");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, text);
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    try {
      GroupPrincipal group = tmp.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByGroupName(ServerLayout.USER);
      view.setGroup(group);
    } catch (UserPrincipalNotFoundException e) {
      // Before the packages made the group, root alone reads the key.
    }
    view.setPermissions(PosixFilePermissions.fromString(mode));
    Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
