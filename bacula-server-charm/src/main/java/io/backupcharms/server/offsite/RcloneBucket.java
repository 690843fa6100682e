package io.backupcharms.server.offsite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link Bucket} reached with rclone, the distribution's S3 tool: Bacula 9.6 has no cloud driver,
 * and an S3 client is not ours to write. The remote is defined entirely in rclone's environment
 * variables, so the credentials are in neither argv (which {@code ps} shows) nor a config file; a
 * CA chain goes to a 0600 file in a 0700 directory. rclone retries each operation itself.
 */
public final class RcloneBucket implements Bucket {
  /**
   * HTTP 403 as a status of its own: the endpoint's port, an address or a byte count in the same
   * output may hold the digits 403 too (port 40327 made an unreachable server read as refused
   * keys).
   */
  private static final Pattern HTTP_FORBIDDEN = Pattern.compile("(?<![\\d.:])403(?!\\d)");

  /** The program, from Debian's and Ubuntu's {@code rclone} package. */
  public static final String RCLONE = "rclone";

  private static final String REMOTE = "backupcharms";
  private static final String PREFIX = "RCLONE_CONFIG_" + REMOTE.toUpperCase(Locale.ROOT) + "_";
  private static final Duration SMALL = Duration.ofMinutes(5);
  private static final Duration LARGE = Duration.ofHours(6);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final S3Settings settings;
  private final Path privateDir;

  /**
   * @param privateDir a directory only root reads, for the CA chain file and temporary objects
   */
  public RcloneBucket(S3Settings settings, Path privateDir) {
    this.settings = settings;
    this.privateDir = privateDir;
  }

  @Override
  public void upload(Path file, String key) {
    run("upload " + key, LARGE, null, "copyto", file.toString(), remote(key));
  }

  @Override
  public void download(String key, Path file) {
    run("download " + key, LARGE, null, "copyto", remote(key), file.toString());
  }

  @Override
  public Map<String, Long> list(String prefix) {
    CommandResult r = rclone(SMALL, null, "lsjson", "--recursive", "--files-only", remote(prefix));
    if (!r.isSuccess() && notFound(r)) {
      return Map.of();
    }
    String out = require(r, "list " + prefix);
    Map<String, Long> objects = new LinkedHashMap<>();
    try {
      for (JsonNode entry : JSON.readTree(out.substring(Math.max(0, out.indexOf('['))))) {
        objects.put(prefix + entry.path("Path").asText(), entry.path("Size").asLong());
      }
    } catch (IOException e) {
      throw new BucketException(
          "rclone listed "
              + settings.where()
              + " in a form we cannot read: "
              + scrub(firstLine(out)));
    }
    return objects;
  }

  @Override
  public Optional<String> read(String key) {
    // rclone cat prints nothing, successfully, for a missing object: ask whether it exists first.
    if (list(key).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(require(rclone(SMALL, null, "cat", remote(key)), "read " + key));
  }

  @Override
  public void write(String key, String content) {
    Path file = null;
    try {
      file = Files.createTempFile(privateDir(), "object", ".tmp");
      Files.writeString(file, content, StandardCharsets.UTF_8);
      run("write " + key, SMALL, file, "rcat", remote(key));
    } catch (IOException e) {
      throw new BucketException("cannot stage " + key + " for upload: " + e.getMessage(), e);
    } finally {
      if (file != null) {
        file.toFile().delete();
      }
    }
  }

  @Override
  public void check() {
    // The bucket's root, not the prefix: an empty prefix is normal, a missing bucket is not.
    CommandResult r =
        rclone(SMALL, null, "lsjson", "--max-depth", "1", REMOTE + ":" + settings.bucket());
    if (!r.isSuccess() && notFound(r)) {
      throw new BucketException(
          "bucket \""
              + settings.bucket()
              + "\" does not exist at "
              + endpointName()
              + "; create it, or fix the s3 relation's bucket key");
    }
    require(r, "list the bucket");
  }

  private void run(String what, Duration timeout, Path stdin, String... args) {
    require(rclone(timeout, stdin, args), what);
  }

  private CommandResult rclone(Duration timeout, Path stdin, String... args) {
    List<String> argv =
        new ArrayList<>(
            List.of(
                RCLONE,
                "-q",
                "--config",
                "/dev/null",
                "--retries",
                "3",
                "--low-level-retries",
                "3",
                "--contimeout",
                "10s",
                "--timeout",
                "60s",
                "--s3-no-check-bucket"));
    argv.addAll(List.of(args));
    return new Command(argv, environment(), stdin, timeout).run();
  }

  private Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    // The machine's own AWS or rclone settings (a CA bundle, a profile) must not change which
    // server the copies go to or how it is trusted; the relation alone says that.
    System.getenv().keySet().stream()
        .filter(name -> name.startsWith("AWS_") || name.startsWith("RCLONE_"))
        .forEach(name -> env.put(name, null));
    env.put(PREFIX + "TYPE", "s3");
    env.put(PREFIX + "PROVIDER", "Other");
    env.put(PREFIX + "ENV_AUTH", "false");
    env.put(PREFIX + "ACCESS_KEY_ID", settings.accessKey());
    env.put(PREFIX + "SECRET_ACCESS_KEY", settings.secretKey());
    env.put(PREFIX + "FORCE_PATH_STYLE", Boolean.toString(settings.pathStyle()));
    env.put(PREFIX + "V2_AUTH", Boolean.toString(settings.apiVersion() == 2));
    if (!settings.endpoint().isEmpty()) {
      env.put(PREFIX + "ENDPOINT", settings.endpoint());
    }
    if (!settings.region().isEmpty()) {
      env.put(PREFIX + "REGION", settings.region());
    }
    if (!settings.storageClass().isEmpty()) {
      env.put(PREFIX + "STORAGE_CLASS", settings.storageClass());
    }
    if (!settings.caChain().isEmpty()) {
      env.put("RCLONE_CA_CERT", caFile().toString());
    }
    return env;
  }

  private Path caFile() {
    Path file = privateDir().resolve("s3-ca-chain.pem");
    try {
      String chain = String.join("", settings.caChain());
      if (!Files.exists(file) || !Files.readString(file).equals(chain)) {
        Path tmp = Files.createTempFile(privateDir(), "ca", ".tmp");
        Files.writeString(tmp, chain);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return file;
    } catch (IOException e) {
      throw new BucketException(
          "cannot write the s3 relation's tls-ca-chain to " + file + ": " + e.getMessage(), e);
    }
  }

  private Path privateDir() {
    try {
      Files.createDirectories(privateDir);
      Files.setPosixFilePermissions(privateDir, PosixFilePermissions.fromString("rwx------"));
      return privateDir;
    } catch (IOException e) {
      throw new BucketException("cannot prepare " + privateDir + ": " + e.getMessage(), e);
    }
  }

  private String remote(String key) {
    String path = settings.path().isEmpty() ? key : settings.path() + "/" + key;
    return REMOTE + ":" + settings.bucket() + "/" + path;
  }

  private String require(CommandResult r, String what) {
    if (r.isSuccess()) {
      return r.output();
    }
    throw new BucketException(
        "cannot " + what + " in " + settings.where() + ": " + diagnose(r), unreachable(r));
  }

  /** What the operator must fix, from rclone's words; the raw error follows, scrubbed. */
  private String diagnose(CommandResult r) {
    String out = r.output();
    String detail = scrub(lastError(out));
    if (r.ending() == CommandResult.Ending.NOT_STARTED) {
      return "rclone is not installed ("
          + detail
          + "); the charm installs it, so check the"
          + " machine's apt sources and run juju resolve";
    }
    if (out.contains("InvalidAccessKeyId")) {
      return "the s3 relation's access-key is not known to the S3 server (" + detail + ")";
    }
    if (out.contains("SignatureDoesNotMatch")) {
      return "the s3 relation's secret-key does not match its access-key (" + detail + ")";
    }
    if (out.contains("AccessDenied") || HTTP_FORBIDDEN.matcher(out).find()) {
      return "the S3 server refused the s3 relation's access-key and secret-key ("
          + detail
          + "); check both keys and the bucket's permissions";
    }
    if (out.contains("x509") || out.contains("certificate")) {
      return "the endpoint's TLS certificate is not trusted ("
          + detail
          + "); check the s3 relation's tls-ca-chain";
    }
    if (unreachable(r)) {
      return endpointName()
          + " is unreachable ("
          + detail
          + "); check the s3 relation's endpoint"
          + " and the network";
    }
    if (notFound(r) || out.contains("NoSuchBucket")) {
      return "bucket \"" + settings.bucket() + "\" does not exist (" + detail + ")";
    }
    return detail;
  }

  private static boolean unreachable(CommandResult r) {
    String out = r.output();
    return out.contains("connection refused")
        || out.contains("no such host")
        || out.contains("i/o timeout")
        || out.contains("dial tcp")
        || out.contains("connection reset")
        || out.contains("503 Service Unavailable")
        || r.ending() == CommandResult.Ending.TIMED_OUT;
  }

  private String endpointName() {
    return settings.endpoint().isEmpty() ? "the S3 endpoint" : settings.endpoint();
  }

  private static boolean notFound(CommandResult r) {
    String out = r.output();
    return r.exitCode() == 3
        || r.exitCode() == 4
        || out.contains("directory not found")
        || out.contains("object not found")
        || out.contains("NoSuchKey");
  }

  /** Replaces both credentials wherever rclone echoed them. */
  private String scrub(String text) {
    String out = text;
    for (String secret : List.of(settings.secretKey(), settings.accessKey())) {
      if (secret.length() >= 4) {
        out = out.replace(secret, "***");
      }
    }
    return out;
  }

  private static String lastError(String output) {
    String[] lines = output.strip().split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (lines[i].contains("ERROR") || lines[i].contains("Failed")) {
        return trim(lines[i]);
      }
    }
    return trim(lines[lines.length - 1]);
  }

  private static String firstLine(String output) {
    return trim(output.strip().split("\n")[0]);
  }

  private static String trim(String line) {
    String s = line.strip();
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
