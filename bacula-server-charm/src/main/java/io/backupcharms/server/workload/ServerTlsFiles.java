package io.backupcharms.server.workload;

import io.backupcharms.bacula.config.Tls;
import io.backupcharms.bacula.tls.CertificateRequest;
import io.backupcharms.bacula.tls.KeyAndCertificate;
import io.backupcharms.bacula.tls.TlsContexts;
import io.backupcharms.schema.UnitPasswords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * The Director's and Storage Daemon's TLS files on the leader's machine: the authorities they trust
 * and the server's own key and certificate. The key is readable by root and the daemons' group
 * only. Files are named by fingerprint, so a renewed certificate or a new set of authorities
 * changes the daemons' configuration and reaches them by the reload or restart that follows; the
 * files the live configurations still name stay until they no longer do.
 *
 * @param directory where the files live, {@code /etc/bacula/tls} on Debian
 */
public record ServerTlsFiles(Path directory) {
  /** Debian's place, beside the daemons' configuration. */
  public static final ServerTlsFiles DEBIAN = new ServerTlsFiles(Path.of("/etc/bacula/tls"));

  /**
   * What the files hold now.
   *
   * @param own the server's key and certificate (then any intermediates)
   * @param trust the authorities' certificates, PEM, one after the other
   * @param address the address the certificate names
   * @param source who issued it: {@code bacula-ca} or the provider's application
   */
  public record Installed(KeyAndCertificate own, String trust, String address, String source) {
    @Override
    public String toString() {
      return "Installed[" + source + " for " + address + ", key=<redacted>]";
    }
  }

  /** Makes the files hold {@code installed}, writing nothing when they do already. */
  public Tls install(Installed installed) {
    try {
      Directories.ensure(directory, ServerLayout.USER, "rwxr-x---");
      if (!current().equals(Optional.of(installed))) {
        String fp = installed.own().fingerprint();
        write("server-" + fp + ".key", installed.own().key(), "rw-r-----");
        write("server-" + fp + ".pem", installed.own().certificate(), "rw-r--r--");
        write(caName(installed.trust()), installed.trust(), "rw-r--r--");
        write(
            "current",
            String.join(
                    "\n", fp, caName(installed.trust()), installed.address(), installed.source())
                + "\n",
            "rw-r-----");
      }
      return files().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the TLS files in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The installed files, if any. */
  public Optional<Installed> current() {
    try {
      Optional<String> pointer = read("current");
      if (pointer.isEmpty()) {
        return Optional.empty();
      }
      List<String> lines = pointer.get().lines().toList();
      if (lines.size() < 4) {
        return Optional.empty();
      }
      Optional<String> key = read("server-" + lines.get(0) + ".key");
      Optional<String> cert = read("server-" + lines.get(0) + ".pem");
      Optional<String> trust = read(lines.get(1));
      if (key.isEmpty() || cert.isEmpty() || trust.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new Installed(
              new KeyAndCertificate(key.get(), cert.get()),
              trust.get(),
              lines.get(2),
              lines.get(3)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The files as the daemons' resources name them; empty before {@link #install}. */
  public Optional<Tls> files() {
    return current()
        .map(
            i ->
                Tls.required(
                    directory.resolve(caName(i.trust())).toString(),
                    directory.resolve("server-" + i.own().fingerprint() + ".pem").toString(),
                    directory.resolve("server-" + i.own().fingerprint() + ".key").toString()));
  }

  /** Whether {@code liveConfig} (a daemon's installed file) trusts exactly {@code trust}. */
  public boolean names(String liveConfig, String trust) {
    return liveConfig.contains(directory.resolve(caName(trust)).toString());
  }

  /**
   * The charm's own TLS context for its consoles and File Daemon probes: trusts the authorities,
   * presents the server's certificate. Empty before {@link #install}.
   */
  public Optional<SSLContext> context() {
    return current().map(i -> TlsContexts.mutual(i.trust(), i.own()));
  }

  /**
   * The request for a certificate from a {@code tls-certificates} provider for {@code address}, if
   * any.
   */
  public Optional<CertificateRequest> request(String address) {
    try {
      Optional<String> key = read("request.key");
      Optional<String> csr = read("request.csr");
      boolean same = read("request.address").map(String::strip).equals(Optional.of(address));
      return same && key.isPresent() && csr.isPresent()
          ? Optional.of(new CertificateRequest(key.get(), csr.get()))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Keeps {@code request} until its certificate arrives; its key is root's only. */
  public void saveRequest(CertificateRequest request, String address) {
    try {
      Directories.ensure(directory, ServerLayout.USER, "rwxr-x---");
      write("request.key", request.key(), "rw-------");
      write("request.csr", request.csr(), "rw-r--r--");
      write("request.address", address + "\n", "rw-r--r--");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot keep the certificate request in " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes the key and certificate files none of {@code liveConfigs} names and the pointer does
   * not hold: a renewed certificate's predecessor, once no daemon reads it any more.
   */
  public void removeUnnamed(List<String> liveConfigs) {
    Optional<Installed> now = current();
    if (!Files.isDirectory(directory) || now.isEmpty()) {
      return;
    }
    String fp = now.get().own().fingerprint();
    Set<String> current =
        Set.of(caName(now.get().trust()), "server-" + fp + ".key", "server-" + fp + ".pem");
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        boolean managed = name.startsWith("server-") || name.startsWith("ca-");
        boolean named = liveConfigs.stream().anyMatch(c -> c.contains(f.toString()));
        if (managed && !named && !current.contains(name)) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      // Left for the next hook: an old public certificate or a key only root and bacula read.
    }
  }

  private static String caName(String trust) {
    return "ca-" + UnitPasswords.fingerprint(trust.strip()) + ".pem";
  }

  private Optional<String> read(String name) throws IOException {
    Path p = directory.resolve(name);
    return Files.isRegularFile(p) ? Optional.of(Files.readString(p)) : Optional.empty();
  }

  private void write(String name, String text, String mode) throws IOException {
    Path target = directory.resolve(name);
    Path tmp = directory.resolve("." + name + ".new");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, text);
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    try {
      GroupPrincipal group =
          tmp.getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByGroupName(ServerLayout.USER);
      view.setGroup(group);
    } catch (UserPrincipalNotFoundException e) {
      // Before the packages made the group, root alone reads the key.
    }
    view.setPermissions(PosixFilePermissions.fromString(mode));
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
