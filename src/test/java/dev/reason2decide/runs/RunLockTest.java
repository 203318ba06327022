// The run folder lock on its own: atomic ownership, live and stale owners, release, and the folder it created.
package dev.reason2decide.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
  @TempDir
  Path tmp;

  /** The pid of a process that has exited (a real one, so the number is not made up). */
  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  private static String lockJson(long pid, String host) {
    return "{\"pid\":" + pid + ",\"host\":\"" + host + "\",\"started\":null,\"command\":\"r2d train\"}\n";
  }

  @Test
  void theLockNamesItsOwnerAndIsGoneAfterClose() throws Exception {
    Path dir = tmp.resolve("run");
    Files.createDirectories(dir);
    try (RunLock lock = RunLock.acquire(dir, "r2d train", false)) {
      JsonObject o = JsonParser.parseString(Files.readString(dir.resolve("run.lock"))).getAsJsonObject();
      assertEquals(ProcessHandle.current().pid(), o.get("pid").getAsLong());
      assertEquals(lock.owner().host(), o.get("host").getAsString());
      assertEquals("r2d train", o.get("command").getAsString());
      List<String> names = Files.list(dir).map(p -> p.getFileName().toString()).toList();
      assertEquals(List.of("run.lock"), names, "no temporary file left beside the lock");
    }
    assertFalse(Files.exists(dir.resolve("run.lock")));
    assertTrue(Files.isDirectory(dir), "a folder that existed before stays");
  }

  @Test
  void aLiveOwnerIsNeverDisplacedEvenWithBreakLock() {
    Path dir = tmp.resolve("run");
    try (RunLock held = RunLock.acquire(dir, "r2d train", false)) {
      for (boolean breakStale : new boolean[] {false, true}) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> RunLock.acquire(dir, "r2d experiment", breakStale));
        assertEquals(dir.resolve("run.lock") + ": " + dir + " is in use by r2d train (pid "
            + ProcessHandle.current().pid() + " on " + held.owner().host() + ", started " + held.owner().started()
            + "); wait for it to finish or choose another --out (--break-lock never takes a live lock)",
            e.getMessage());
      }
      assertTrue(Files.exists(dir.resolve("run.lock")), "the holder's lock is untouched");
    }
  }

  @Test
  void aStaleLockIsReportedThenTakenOnlyWhenAsked() throws Exception {
    Path dir = tmp.resolve("run");
    Files.createDirectories(dir);
    long pid = deadPid();
    String host = RunLock.hostName();
    Files.writeString(dir.resolve("run.lock"), lockJson(pid, host));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunLock.acquire(dir, "r2d train", false));
    assertEquals(dir.resolve("run.lock") + ": " + dir + " has a stale lock of r2d train (pid " + pid + " on " + host
        + "), which is no longer running; if no r2d process uses this folder any more, run again with --break-lock",
        e.getMessage());
    assertEquals(lockJson(pid, host), Files.readString(dir.resolve("run.lock")), "reported, not touched");
    try (RunLock lock = RunLock.acquire(dir, "r2d train", true)) {
      assertEquals(lock.owner(), RunLock.holder(dir).orElseThrow());
    }
  }

  @Test
  void aLockOfAnotherHostIsHeldUntilTheUserSaysItIsGone() throws Exception {
    Path dir = tmp.resolve("run");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("run.lock"), lockJson(12345, "elsewhere.example"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunLock.acquire(dir, "r2d train", false));
    assertEquals(dir.resolve("run.lock") + ": " + dir + " has a lock of r2d train (pid 12345 on elsewhere.example), "
        + "which cannot be checked from " + RunLock.hostName() + "; if no r2d process uses this folder any more, run "
        + "again with --break-lock", e.getMessage());
    RunLock.acquire(dir, "r2d train", true).close();
    assertFalse(Files.exists(dir.resolve("run.lock")));
  }

  @Test
  void anUnreadableLockIsHeldUntilBroken() throws Exception {
    Path dir = tmp.resolve("run");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("run.lock"), "{\"pid\":");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunLock.acquire(dir, "r2d train", false));
    assertTrue(e.getMessage().endsWith(dir + " has an unreadable lock; if no r2d process uses this folder any "
        + "more, run again with --break-lock"), e.getMessage());
    RunLock.acquire(dir, "r2d train", true).close();
  }

  @Test
  void aFolderCreatedForTheLockAndLeftEmptyIsRemoved() throws Exception {
    Path fresh = tmp.resolve("fresh");
    RunLock.acquire(fresh, "r2d train", false).close();
    assertFalse(Files.exists(fresh), "nothing left behind by a run refused before it wrote anything");
    Path used = tmp.resolve("used");
    try (RunLock lock = RunLock.acquire(used, "r2d train", false)) {
      Files.writeString(used.resolve("config.json"), lock.owner().command());
    }
    assertEquals(List.of("config.json"), Files.list(used).map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void staleLocksBelowAHeldFolderAreBrokenLiveOnesKept() throws Exception {
    Path exp = tmp.resolve("exp");
    Path dead = exp.resolve("runs/r2d-seed1");
    Path live = exp.resolve("runs/r2d-seed2");
    Files.createDirectories(dead);
    Files.writeString(dead.resolve("run.lock"), lockJson(deadPid(), RunLock.hostName()));
    try (RunLock held = RunLock.acquire(exp, "r2d experiment", false);
        RunLock inner = RunLock.acquire(live, "r2d train", false)) {
      List<RunLock.Owner> broken = RunLock.breakStaleBelow(exp);
      assertEquals(1, broken.size());
      assertFalse(Files.exists(dead.resolve("run.lock")));
      assertEquals(inner.owner(), RunLock.holder(live).orElseThrow());
      assertEquals(held.owner(), RunLock.holder(exp).orElseThrow());
    }
  }
}
