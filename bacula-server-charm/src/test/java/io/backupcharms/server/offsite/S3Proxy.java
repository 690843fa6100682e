package io.backupcharms.server.offsite;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API server for tests: S3Proxy with its filesystem backend, on a free loopback port, as
 * a child process; each bucket is a directory under {@code root/buckets}. The jar comes from the
 * {@code s3proxy.jar} system property, which the build points at the artifact it fetched. Used by
 * this module's tests and, through its test jar, by the end-to-end tests.
 */
public final class S3Proxy implements AutoCloseable {

  /** The credentials it accepts. */
  public static final String ACCESS_KEY = "backup-charms-test";

  public static final String SECRET_KEY = "s3proxy-secret-8c2f0d";

  private final Path root;
  private final int port;
  private final boolean tls;
  private final List<String> command;
  private Process process;

  private S3Proxy(Path root, int port, boolean tls, List<String> command) {
    this.root = root;
    this.port = port;
    this.tls = tls;
    this.command = List.copyOf(command);
  }

  /** Starts the server over plain HTTP, with the buckets given already created. */
  public static S3Proxy start(Path root, String... buckets)
      throws IOException, InterruptedException {
    return start(root, false, buckets);
  }

  /**
   * Starts the server over HTTPS only, with a self-signed certificate for 127.0.0.1 made for it;
   * {@link #certificate} is that certificate in PEM, to publish as the relation's tls-ca-chain.
   */
  public static S3Proxy startTls(Path root, String... buckets)
      throws IOException, InterruptedException {
    return start(root, true, buckets);
  }

  private static S3Proxy start(Path root, boolean tls, String... buckets)
      throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no S3Proxy jar at "
              + jar
              + "; run the tests through Maven,"
              + " which fetches it (org.gaul:s3proxy, classifier jar-with-dependencies)");
    }
    Path data = Files.createDirectories(root.resolve("buckets"));
    for (String bucket : buckets) {
      Files.createDirectories(data.resolve(bucket));
    }
    int port = freePort();
    Path properties = root.resolve("s3proxy.properties");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> endpoint = List.of("s3proxy.endpoint=http://127.0.0.1:" + port);
    if (tls) {
      Path keystore = root.resolve("s3proxy.jks");
      Files.deleteIfExists(keystore);
      run(
          keytool.toString(),
          "-genkeypair",
          "-alias",
          "s3proxy",
          "-keyalg",
          "RSA",
          "-keysize",
          "2048",
          "-keystore",
          keystore.toString(),
          "-storepass",
          "changeit",
          "-keypass",
          "changeit",
          "-dname",
          "CN=127.0.0.1",
          "-ext",
          "SAN=ip:127.0.0.1",
          "-validity",
          "2");
      Files.writeString(
          root.resolve("ca.pem"),
          run(
              keytool.toString(),
              "-exportcert",
              "-rfc",
              "-alias",
              "s3proxy",
              "-keystore",
              keystore.toString(),
              "-storepass",
              "changeit"));
      endpoint =
          List.of(
              "s3proxy.secure-endpoint=https://127.0.0.1:" + port,
              "s3proxy.keystore-path=" + keystore,
              "s3proxy.keystore-password=changeit");
    }
    List<String> lines = new ArrayList<>(endpoint);
    lines.addAll(
        List.of(
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + data));
    Files.writeString(properties, String.join("\n", lines) + "\n");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    S3Proxy proxy =
        new S3Proxy(
            root,
            port,
            tls,
            List.of(
                java.toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--properties",
                properties.toString()));
    proxy.launch();
    return proxy;
  }

  /** Starts the server again after {@link #stop}, on the same port with the same buckets. */
  public void restart() throws IOException, InterruptedException {
    stop();
    launch();
  }

  private void launch() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("s3proxy.log").toFile()))
            .start();
    awaitListening(Duration.ofSeconds(60));
  }

  /** The endpoint URL to publish as the s3 relation's {@code endpoint}. */
  public String endpoint() {
    return (tls ? "https" : "http") + "://127.0.0.1:" + port;
  }

  /** The server's self-signed certificate in PEM (only from {@link #startTls}). */
  public String certificate() throws IOException {
    return Files.readString(root.resolve("ca.pem"));
  }

  private static String run(String... argv) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", argv) + ": " + out);
    }
    return out;
  }

  /** The provider keys of a relation to {@code bucket} with the right credentials. */
  public Map<String, String> relationData(String bucket, String path) {
    return Map.of(
        "bucket",
        bucket,
        "path",
        path,
        "endpoint",
        endpoint(),
        "region",
        "us-east-1",
        "s3-uri-style",
        "path",
        "access-key",
        ACCESS_KEY,
        "secret-key",
        SECRET_KEY);
  }

  /** Where an object lives on the backend's disk, to check or damage it. */
  public Path object(String bucket, String key) {
    return root.resolve("buckets").resolve(bucket).resolve(key);
  }

  /** Stops the server (the buckets' files stay), as an outage does. */
  public void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void awaitListening(Duration timeout) throws InterruptedException, IOException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "S3Proxy exited: " + Files.readString(root.resolve("s3proxy.log")));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("S3Proxy did not listen on " + port + " within " + timeout);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
