package io.backupcharms.ops.testing;

import io.backupcharms.ops.hooktools.HookTools;
import io.backupcharms.ops.internal.MetadataLoader;
import java.nio.file.Path;
import java.util.Map;

/** The in-memory backend meets the contract. */
class MemoryHookToolsTest extends HookToolsContract {
  @Override
  HookTools tools() {
    State state =
        State.empty()
            .withConfig(Map.of("path", "/srv"))
            .withRelation(
                RelationState.of("backup", 4, "myapp").withRemoteUnit("myapp/0", Map.of("k", "v")));
    return new MemoryHookTools(
        new Sandbox(state, MetadataLoader.load(Path.of("src/test/resources/testcharm")), "demo/1"));
  }
}
