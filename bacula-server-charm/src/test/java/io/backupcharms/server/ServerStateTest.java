package io.backupcharms.server;

import io.backupcharms.ops.testing.Context;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The state tests' common set-up: the real charm on a temp-directory workload. */
abstract class ServerStateTest {

  @TempDir Path root;
  TempDirWorkload workload;
  Context ctx;

  @BeforeEach
  void setUpCharm() {
    workload = new TempDirWorkload(root);
    ctx = Context.fromCharmDir(fw -> new BaculaServerCharm(fw, workload), Path.of("."));
  }
}
