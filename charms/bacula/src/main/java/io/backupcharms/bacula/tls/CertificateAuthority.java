package io.backupcharms.bacula.tls;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.apply.ProcessRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private certificate authority for the daemons of one deployment, made and used with the
 * {@code openssl} command line. Keys are RSA 2048, which every Bacula since 5.x reads; each
 * certificate names its daemon's address as common name, DNS and IP subject alternative name,
 * because Bacula checks the CN or a DNS name and Java checks the IP name.
 *
 * @param authority the authority's own key and self-signed certificate
 */
public record CertificateAuthority(KeyAndCertificate authority) {
    private static final Duration OPENSSL = Duration.ofSeconds(60);
    /** Ten years: the authority lives as long as the deployment. */
    private static final int AUTHORITY_DAYS = 3650;
    /** Two years: leaf certificates are renewed long before, whenever their address changes. */
    public static final int LEAF_DAYS = 730;

    /** A new authority named {@code commonName}. */
    public static CertificateAuthority create(String commonName) {
        return inScratch(dir -> {
            openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key",
                    "-out", "ca.pem", "-days", String.valueOf(AUTHORITY_DAYS), "-subj", "/CN=" + commonName,
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
            return new CertificateAuthority(new KeyAndCertificate(read(dir, "ca.key"), read(dir, "ca.pem")));
        });
    }

    /** The authority's certificate, which every peer trusts. */
    public String certificate() {
        return authority.certificate();
    }

    /**
     * A new key and a certificate for the daemon at {@code addresses} (IP addresses, the first
     * its common name), good both as TLS server and as TLS client, since Bacula daemons are each
     * in turn.
     */
    public KeyAndCertificate issue(String... addresses) {
        StringBuilder names = new StringBuilder();
        for (String address : addresses) {
            if (!address.matches("[0-9A-Fa-f.:]{2,45}")) {
                throw new BaculaException("cannot issue a TLS certificate for \"" + address
                        + "\": it is not an IP address");
            }
            names.append(names.length() == 0 ? "" : ",").append("DNS:").append(address).append(",IP:").append(address);
        }
        String address = addresses[0];
        return inScratch(dir -> {
            Files.writeString(dir.resolve("ca.key"), authority.key());
            Files.writeString(dir.resolve("ca.pem"), authority.certificate());
            Files.writeString(dir.resolve("ext"), "subjectAltName=" + names
                    + "\nextendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=CA:FALSE\n");
            openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr",
                    "-subj", "/CN=" + address);
            openssl(dir, "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", "leaf.pem", "-days", String.valueOf(LEAF_DAYS), "-extfile", "ext");
            return new KeyAndCertificate(read(dir, "leaf.key"), read(dir, "leaf.pem"));
        });
    }

    /** Never with the key: see {@link io.backupcharms.bacula.Redacted}. */
    @Override
    public String toString() {
        return "CertificateAuthority[key=<redacted>]";
    }

    private interface InDir<T> {
        T run(Path dir) throws IOException;
    }

    private static <T> T inScratch(InDir<T> work) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("bacula-tls",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return work.run(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("making TLS keys: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // A scratch directory left in /tmp, mode 0700: nothing else can read it.
                }
            }
        }
    }

    private static void openssl(Path dir, String... args) {
        List<String> argv = Stream.concat(Stream.of("openssl"), Stream.of(args))
                .map(a -> a.endsWith(".key") || a.endsWith(".pem") || a.endsWith(".csr") || a.equals("ext")
                        ? dir.resolve(a).toString() : a)
                .toList();
        ProcessRun r = ProcessRun.run(argv, OPENSSL, Map.of(), null);
        if (r.exitCode() != 0) {
            throw new BaculaException("openssl " + args[0] + " failed (exit " + r.exitCode() + "): "
                    + r.output().strip());
        }
    }

    private static String read(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }
}
