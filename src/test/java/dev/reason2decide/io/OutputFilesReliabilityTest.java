// Reliability of output files: FIFOs and devices written through, symbolic links kept, no side files beside them.
package dev.reason2decide.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.testing.CliRun;
import dev.reason2decide.testing.TinyModelFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesReliabilityTest {
  @TempDir
  Path tmp;

  @Test
  void aFifoIsWrittenThroughAndStaysAFifo() throws Exception {
    Path fifo = fifo(tmp.resolve("pipe"));
    CompletableFuture<String> reader = readAll(fifo);
    AtomicFiles.writeString(fifo, "first line\nsecond line\n");
    assertEquals("first line\nsecond line\n", reader.get(10, TimeUnit.SECONDS));
    assertFifo(fifo);
    assertEquals(Set.of("pipe"), names(tmp), "no temporary or side file left beside the FIFO");
  }

  @Test
  void aSymbolicLinkSurvivesAndItsTargetIsReplaced() throws Exception {
    Path real = Files.createDirectories(tmp.resolve("elsewhere")).resolve("out.jsonl");
    Files.writeString(real, "old\n");
    Path link = Files.createSymbolicLink(tmp.resolve("link.jsonl"), Path.of("elsewhere", "out.jsonl"));
    AtomicFiles.writeString(link, "new\n");
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertEquals("new\n", Files.readString(real));
    assertEquals(Set.of("elsewhere", "link.jsonl"), names(tmp));
    assertEquals(Set.of("out.jsonl"), names(tmp.resolve("elsewhere")), "no temporary file left at the target");
  }

  @Test
  void aDanglingLinkGetsItsTargetCreated() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), Path.of("target.txt"));
    AtomicFiles.writeString(link, "made\n");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("made\n", Files.readString(tmp.resolve("target.txt")));
  }

  @Test
  void aFolderReachedThroughALinkIsReplacedBehindTheLink() throws Exception {
    Path real = Files.createDirectories(tmp.resolve("real"));
    Files.writeString(real.resolve("old.txt"), "old");
    Path link = Files.createSymbolicLink(tmp.resolve("model"), Path.of("real"));
    Folders.replace(link, dir -> AtomicFiles.writeString(dir.resolve("new.txt"), "new"));
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertEquals(Set.of("new.txt"), names(real));
    assertEquals(Set.of("model", "real"), names(tmp));
  }

  @Test
  void sideFilesOnlyBesideRegularTargets() throws Exception {
    Path fifo = fifo(tmp.resolve("pipe"));
    assertTrue(OutputTarget.sideFile(fifo, ".provenance.json").isEmpty());
    assertTrue(OutputTarget.sideFile(Path.of("/dev/null"), ".provenance.json").isEmpty());
    assertEquals(tmp.resolve("p.jsonl.provenance.json"),
        OutputTarget.sideFile(tmp.resolve("p.jsonl"), ".provenance.json").orElseThrow());
    assertTrue(OutputTarget.of(Path.of("/dev/null")).special(), "/dev/null is a character device");
  }

  @Test
  void predictIntoAFifoWritesThroughAndLeavesNoProvenanceBesideIt() throws Exception {
    Path model = TinyModelFolder.create(tmp.resolve("model"));
    Path input = tmp.resolve("in.jsonl");
    Files.writeString(input, "{\"id\":\"a\",\"question\":\"fever and cough\"}\n{\"id\":\"b\",\"question\":\"rash\"}\n");
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path fifo = fifo(out.resolve("predictions.jsonl"));
    CompletableFuture<String> reader = readAll(fifo);
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--output",
        fifo.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    List<String> lines = reader.get(30, TimeUnit.SECONDS).lines().toList();
    assertEquals(2, lines.size(), "one JSON line per input through the FIFO");
    assertTrue(lines.get(0).startsWith("{\"id\":\"a\""), lines.get(0));
    assertFifo(fifo);
    assertEquals(Set.of("predictions.jsonl"), names(out), "no predictions.jsonl.provenance.json beside a FIFO");
  }

  @Test
  void predictRefusesToOverwriteItsInput() throws Exception {
    Path model = TinyModelFolder.create(tmp.resolve("model"));
    Path x = tmp.resolve("notes.jsonl");
    String notes = "{\"id\":\"a\",\"question\":\"fever and cough\"}\n";
    Files.writeString(x, notes);
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--input", x.toString(), "--output",
        tmp.resolve(".").resolve("notes.jsonl").toString(), "--quiet");
    assertEquals(1, r.code(), r.err());
    assertEquals("r2d predict: --output " + tmp.resolve(".").resolve("notes.jsonl")
        + " would overwrite the input --input " + x + "; choose another output", r.err().strip());
    assertEquals(notes, Files.readString(x), "the input is intact");
    assertEquals(Set.of("model", "notes.jsonl"), names(tmp), "nothing written");
  }

  @Test
  void dataSplitRefusesAnOutputFolderHoldingItsInput() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("data"));
    Path f = dir.resolve("train.jsonl");
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      rows.append("{\"id\":\"r").append(i).append("\",\"question\":\"note ").append(i)
          .append("\",\"label\":\"").append(i % 2 == 0 ? "a" : "b").append("\",\"rationale\":\"why\"}\n");
    }
    Files.writeString(f, rows);
    CliRun r = CliRun.of("data", "split", f.toString(), "--out", dir.toString());
    assertEquals(1, r.code(), r.err());
    assertEquals("r2d data split: --out " + dir + " would overwrite the input FILE " + f
        + " (the input is inside the output folder); choose another output", r.err().strip());
    assertEquals(rows.toString(), Files.readString(f), "the input is intact");
    assertEquals(Set.of("train.jsonl"), names(dir), "nothing written");
  }

  @Test
  void judgeRefusesScoresOverItsPredictionsThroughALink() throws Exception {
    Path preds = tmp.resolve("preds.jsonl");
    Files.writeString(preds, "{}\n");
    Path link = Files.createSymbolicLink(tmp.resolve("scores.jsonl"), preds);
    CliRun r = CliRun.of("judge", "--predictions", preds.toString(), "--output", link.toString(),
        "--base-url", "http://127.0.0.1:9/v1", "--model", "m");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("--output " + link + " would overwrite the input --predictions " + preds), r.err());
    assertEquals("{}\n", Files.readString(preds));
  }

  @Test
  void theCheckComparesRealPathsAndFolders() throws Exception {
    Path model = Files.createDirectories(tmp.resolve("model"));
    new InputOutputPaths().input("--input", tmp.resolve("a.jsonl")).inputFolder("--model", model)
        .output("--output", tmp.resolve("b.jsonl")).output("--new", model.resolve("new.jsonl")).check();
    Files.writeString(model.resolve("model.safetensors"), "weights");
    IllegalArgumentException inside = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new InputOutputPaths().inputFolder("--model", model)
            .output("--output", model.resolve("model.safetensors")).check());
    assertEquals("--output " + model.resolve("model.safetensors") + " would overwrite the input --model " + model
        + " (the output is inside the input folder); choose another output", inside.getMessage());
  }

  static Path fifo(Path p) throws IOException, InterruptedException {
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertEquals(0, mk.waitFor(), "mkfifo");
    return p;
  }

  @Test
  void outputsHonourTheUmaskAndAReplacedFileKeepsItsModeAndOwner() throws Exception {
    Path f = tmp.resolve("in.jsonl");
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      rows.append("{\"id\":\"r").append(i).append("\",\"question\":\"note ").append(i)
          .append("\",\"label\":\"").append(i % 2 == 0 ? "a" : "b").append("\",\"rationale\":\"why\"}\n");
    }
    Files.writeString(f, rows);
    Path out = tmp.resolve("split");
    // what this process's umask gives a file created the ordinary way (0644 under umask 022, not 0600)
    String umaskMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(
        Files.createFile(tmp.resolve("reference"))));
    CliRun first = CliRun.of("data", "split", f.toString(), "--out", out.toString());
    assertEquals(0, first.code(), first.err());
    Path train = out.resolve("train.jsonl");
    assertEquals(umaskMode, PosixFilePermissions.toString(Files.getPosixFilePermissions(train)), "a new output");

    Files.setPosixFilePermissions(train, PosixFilePermissions.fromString("rw-rw-r--"));
    UserPrincipal nobody = null;
    if ("root".equals(System.getProperty("user.name"))) {
      // only root can hand a file to another user, so only root can check that the owner is kept
      nobody = tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
      Files.setOwner(train, nobody);
    }
    Files.writeString(train, "old\n");
    CliRun again = CliRun.of("data", "split", f.toString(), "--out", out.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(Files.readString(train).startsWith("{"), "replaced");
    assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(train)),
        "the replaced file keeps its mode");
    if (nobody != null) {
      assertEquals(nobody, Files.getOwner(train), "and its owner");
    }
    assertEquals(Set.of("test.jsonl", "train.jsonl", "validation.jsonl"), names(out).stream()
        .filter(n -> n.endsWith(".jsonl")).collect(TreeSet::new, Set::add, Set::addAll),
        "no temporary file left: " + names(out));
    assertTrue(names(out).stream().noneMatch(n -> n.endsWith(".tmp")), names(out).toString());
  }

  /** Reads {@code fifo} to its end on another thread (opening a FIFO blocks until a writer opens it too). */
  static CompletableFuture<String> readAll(Path fifo) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new String(Files.readAllBytes(fifo), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** {@code r2d predict} with an empty --model folder: an output error must come before the model is even read. */
  private CliRun predictBeforeTheWork(Path output) throws IOException {
    Path model = Files.createDirectories(tmp.resolve("not-yet-read-model"));
    Path input = Files.writeString(tmp.resolve("in.jsonl"), "{\"question\":\"q\"}\n");
    return CliRun.of("predict", "--model", model.toString(), "--input", input.toString(), "--output",
        output.toString(), "--quiet");
  }

  @Test
  void anOutputThatIsAFolderOrReadOnlyIsRefusedBeforeTheWork() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("preds.jsonl"));
    CliRun r = predictBeforeTheWork(folder);
    assertEquals(1, r.code(), r.err());
    assertEquals(List.of("r2d predict: --output " + folder + " is a folder; give a file name"), r.err().lines()
        .toList());
    assertEquals(Set.of(), names(folder));
    Path readOnlyDir = Path.of("/proc/sys"); // read-only even for root (tests may run as root)
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(readOnlyDir), "/proc/sys is writable here");
    Path target = readOnlyDir.resolve("r2d-predictions.jsonl");
    CliRun ro = predictBeforeTheWork(target);
    assertEquals(1, ro.code(), ro.err());
    assertEquals(List.of("r2d predict: --output " + target + " cannot be created: the folder /proc/sys is read-only;"
        + " choose another output"), ro.err().lines().toList());
  }

  @Test
  void predictChoosesTheFormatByExtensionAndRefusesOthersBeforeTheWork() throws IOException {
    for (String name : List.of("x.tsv", "x.txt", "x")) {
      Path out = tmp.resolve(name);
      CliRun r = predictBeforeTheWork(out);
      assertEquals(1, r.code(), r.err());
      String ext = name.contains(".") ? name.substring(1) + " is not one of them" : "the name has none";
      assertEquals(List.of("r2d predict: --output " + out + ": the format follows the extension, .jsonl (JSON lines)"
          + " or .csv; " + ext), r.err().lines().toList());
      assertFalse(Files.exists(out));
    }
  }

  static void assertFifo(Path p) throws IOException {
    assertTrue(Files.exists(p, LinkOption.NOFOLLOW_LINKS), p + " still exists");
    assertFalse(Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS), p + " was not replaced by a regular file");
    assertEquals("p", kind(p), p + " is still a FIFO");
  }

  private static String kind(Path p) throws IOException {
    int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    return (mode & 0170000) == 0010000 ? "p" : Integer.toOctalString(mode);
  }

  static Set<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
    }
  }
}
