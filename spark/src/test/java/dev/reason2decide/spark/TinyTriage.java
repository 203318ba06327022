// Test fixture: 2,000 synthetic triage notes with a department column and a tiny model trained on them in seconds.
package dev.reason2decide.spark;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Built once per test JVM under {@code target/}: {@code r2d data synth-triage --n 2000} (all three splits in one
 * file, input order kept), each note given a department (cycling ED, ICU, Ward), a 400-piece tokenizer and an
 * r2d-recipe model from scratch ({@code --scratch tiny}, 8 steps), with generation limits of 6 and 12 tokens. The
 * model is weak but decides: its labels and rationales come from real greedy decoding.
 */
final class TinyTriage {
  static final List<String> DEPARTMENTS = List.of("ED", "ICU", "Ward");

  final Path dir;
  final Path notes;
  final Path model;
  /** The generated training split (1,600 notes with gold rationales): the simulator check's training examples. */
  final Path train;

  private static TinyTriage built;

  private TinyTriage(Path dir) {
    this.dir = dir;
    this.notes = dir.resolve("notes.jsonl");
    this.model = dir.resolve("run/model");
    this.train = dir.resolve("data/train.jsonl");
  }

  static synchronized TinyTriage get() {
    if (built == null) {
      built = build(Path.of("target", "tiny-triage").toAbsolutePath());
    }
    return built;
  }

  private static TinyTriage build(Path dir) {
    try {
      if (Files.exists(dir)) {
        try (var walk = Files.walk(dir)) {
          walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(dir);
      TinyTriage t = new TinyTriage(dir);
      Path data = dir.resolve("data");
      Cli.core("data", "synth-triage", "--n", "2000", "--seed", "11", "--grammar", "1", "--out", data.toString())
          .ok(); // the four fixed styles: notes stay within the tiny model's 256 input tokens
      List<String> lines = new ArrayList<>();
      for (String split : List.of("train", "validation", "test")) {
        lines.addAll(Files.readAllLines(data.resolve(split + ".jsonl")));
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        JsonObject o = JsonParser.parseString(lines.get(i)).getAsJsonObject();
        o.addProperty("department", DEPARTMENTS.get(i % DEPARTMENTS.size()));
        out.add(Json.COMPACT.toJson(o));
      }
      Files.write(t.notes, out);
      Path small = dir.resolve("train-small.jsonl");
      Files.write(small, lines.subList(0, 96));
      Cli.core("tokenizer", "build", "--corpus", data.resolve("train.jsonl").toString(), "--vocab-size", "400",
          "--out", dir.resolve("tok").toString()).ok();
      Cli.core("train", "--recipe", "r2d", "--scratch", "tiny", "--tokenizer", dir.resolve("tok").toString(),
          "--train", small.toString(), "--validation", small.toString(), "--steps", "8", "--batch-size", "8",
          "--eval-batch-size", "32", "--lr", "3e-3", "--eval-every", "1000", "--stage1-eval-every", "1000",
          "--max-input-tokens", "256", "--max-target-tokens", "48", "--label-max-new-tokens", "6",
          "--rationale-max-new-tokens", "12", "--threads", "1", "--quiet", "--out", dir.resolve("run").toString())
          .ok();
      return t;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
