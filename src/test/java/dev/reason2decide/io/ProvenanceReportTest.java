// The one provenance shape of evaluation reports: hashed local files, unhashed remote paths, versions, context.
package dev.reason2decide.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceReportTest {
  @TempDir
  Path dir;

  @Test
  void localFilesAreHashedRemotePathsAreNotAndTheContextComesLast() throws Exception {
    Path f = Files.writeString(dir.resolve("preds.jsonl"), "abc", StandardCharsets.UTF_8);
    Map<String, Object> p = new Provenance.Report().file("predictions", f).location("gold", "hdfs://nn/gold.jsonl")
        .location("simulator_train", null).with("command", "r2d spark evaluate").build();
    assertEquals(List.of("files", "tool", "date", "reason2decide", "djl", "pytorch", "java", "os", "cores", "command"),
        List.copyOf(p.keySet()));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> files = (List<Map<String, Object>>) p.get("files");
    assertEquals(2, files.size(), files.toString());
    assertEquals("predictions " + f.toAbsolutePath().normalize() + " "
        + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", // sha256("abc"), FIPS 180-2's example
        files.get(0).get("role") + " " + files.get(0).get("path") + " " + files.get(0).get("sha256"));
    assertEquals("gold hdfs://nn/gold.jsonl null", files.get(1).get("role") + " " + files.get(1).get("path") + " "
        + files.get(1).get("sha256"));
    assertEquals("reason2decide " + Versions.PROJECT, p.get("tool"));
    assertTrue(p.get("date").toString().endsWith("Z"), p.get("date").toString());
  }
}
