// End to end through the CLI: a generate run killed half-way and restarted, provenance without the key, the judge.
package dev.reason2decide.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.cli.Main;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.ExampleWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmCommandsTest {
  private static final String SECRET = "sk-live-DO-NOT-LEAK-91c2";

  @TempDir
  Path dir;

  private List<String> generateArgs(ScriptedChatServer s, Path in, Path out, Path prompt) {
    return List.of("rationales", "generate", "--input", in.toString(), "--output", out.toString(),
        "--base-url", s.baseUrl(), "--model", "med-7b", "--prompt", prompt.toString(), "--concurrency", "3",
        "--quiet");
  }

  private Path promptFile() throws Exception {
    Path p = dir.resolve("prompt.txt");
    Files.writeString(p, "ID={id}\nCase: {input}\nDecision: {label}\nExplain the decision.\n");
    return p;
  }

  private static List<String> cachedRefs(Path cache) throws Exception {
    List<String> refs = new ArrayList<>();
    for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
      refs.add(JsonParser.parseString(line).getAsJsonObject().get("ref").getAsString());
    }
    return refs;
  }

  @Test
  void aRunKilledHalfWayAndRestartedEndsWithOneRationalePerExample() throws Exception {
    List<Example> examples = RationaleGeneratorTest.examples(20);
    Path in = dir.resolve("train.jsonl");
    ExampleWriter.writeDefault(in, examples);
    Path out = dir.resolve("out").resolve("train.llm.jsonl");
    Path cache = dir.resolve("out").resolve("train.llm.jsonl.cache.jsonl");
    Path prompt = promptFile();
    try (ScriptedChatServer s = new ScriptedChatServer(200, (n, r) -> n <= 6
        ? ScriptedChatServer.answer("because " + RationaleGeneratorTest.id(r))
        : new ScriptedChatServer.Block(ScriptedChatServer.answer("late")))) {
      // 1. a separate JVM runs the CLI; after 6 answers the server holds every request; then the JVM is killed
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      cmd.addAll(generateArgs(s, in, out, prompt));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(dir.resolve("child.log").toFile());
      pb.environment().put(ApiKey.ENV, SECRET);
      Process child = pb.start();
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (s.requests() < 9 || !Files.exists(cache) || Files.readAllLines(cache).size() < 6) {
        assertTrue(child.isAlive(), () -> "child ended early: " + read(dir.resolve("child.log")));
        assertTrue(System.nanoTime() < deadline, "timed out waiting for the child");
        Thread.sleep(20);
      }
      child.destroyForcibly().waitFor();
      assertEquals(9, s.requests(), "6 answered, 3 held in flight when killed");
      assertEquals("Bearer " + SECRET, s.received().get(0).authorization());
      assertFalse(Files.exists(out), "no partial output after a kill");
      Set<String> finished = new HashSet<>(cachedRefs(cache));
      assertEquals(6, finished.size());

      // 2. restart: only the examples without a cached answer are asked, each once
      s.script((n, r) -> ScriptedChatServer.answer("because " + RationaleGeneratorTest.id(r)));
      s.release();
      int before = s.requests();
      Path keyFile = dir.resolve("key.txt");
      Files.writeString(keyFile, SECRET + "\n");
      List<String> args = new ArrayList<>(generateArgs(s, in, out, prompt));
      args.addAll(List.of("--api-key-file", keyFile.toString()));
      assertEquals(0, Main.run(args.toArray(String[]::new)));
      List<String> asked = s.received().subList(before, s.requests()).stream()
          .map(RationaleGeneratorTest::id).toList();
      assertEquals(14, asked.size(), asked.toString());
      assertEquals(14, new HashSet<>(asked).size(), "no example asked twice");
      assertTrue(asked.stream().noneMatch(finished::contains), "nothing finished is asked again");

      List<Example> written = ExampleReader.readDefault(out).examples();
      assertEquals(20, written.size());
      for (int i = 0; i < 20; i++) {
        assertEquals(examples.get(i).withRationale("because e" + (i + 1), "llm:med-7b"), written.get(i));
      }
      assertEquals(20, cachedRefs(cache).size(), "each answer stored once");

      // 3. a third run makes no call at all and writes the same file
      String first = Files.readString(out);
      int calls = s.requests();
      assertEquals(0, Main.run(args.toArray(String[]::new)));
      assertEquals(calls, s.requests());
      assertEquals(first, Files.readString(out));

      JsonObject prov = JsonParser.parseString(Files.readString(dir.resolve("out")
          .resolve("train.llm.jsonl.provenance.json"))).getAsJsonObject();
      assertEquals("med-7b", prov.get("model").getAsString());
      assertEquals(s.baseUrl().replace("/v1", ""), prov.get("server").getAsString());
      assertEquals(20, prov.get("accepted").getAsInt());
      assertTrue(prov.get("api_key_used").getAsBoolean());
      assertEquals(PromptTemplate.fromFile(prompt, Set.of()).sha256(), prov.get("prompt_template_sha256")
          .getAsString());
      assertEquals(20, prov.getAsJsonObject("usage").get("answers_from_cache").getAsInt());
      assertNoSecretUnder(dir);
    }
  }

  @Test
  void judgeCommandWritesScoresAndSummary() throws Exception {
    Path preds = dir.resolve("pred.jsonl");
    Files.writeString(preds,
        "{\"id\":\"1\",\"input\":\"q1\",\"predicted_label\":\"yes\",\"predicted_rationale\":\"r1\"}\n"
        + "{\"id\":\"2\",\"input\":\"q2\",\"predicted_label\":\"no\",\"predicted_rationale\":\"r2\"}\n"
        + "{\"id\":\"3\",\"input\":\"q3\",\"predicted_label\":\"yes\",\"predicted_rationale\":\"r3\"}\n");
    Path gold = dir.resolve("gold.csv");
    Files.writeString(gold, "id,question,label,rationale\n1,q1,yes,g1\n2,q2,yes,g2\n3,q3,yes,g3\n");
    Path out = dir.resolve("judge.jsonl");
    try (ScriptedChatServer s = new ScriptedChatServer(20, (n, r) -> {
      String u = new ScriptedChatServer.Received(r, null).firstUserMessage();
      int a = u.contains("r1") ? 5 : u.contains("r2") ? 2 : 4;
      return ScriptedChatServer.answer("{\"label_agreement\": " + a + ", \"factual_support\": 4, "
          + "\"clinical_soundness\": 3, \"justification\": \"because\"}");
    })) {
      assertEquals(0, Main.run("judge", "--predictions", preds.toString(), "--gold", gold.toString(), "--output",
          out.toString(), "--base-url", s.baseUrl(), "--model", "judge-70b", "--quiet"));
      assertEquals(3, s.requests());
      List<String> lines = Files.readAllLines(out);
      assertEquals(3, lines.size());
      JsonObject second = JsonParser.parseString(lines.get(1)).getAsJsonObject();
      assertEquals("2", second.get("id").getAsString());
      assertFalse(second.get("correct").getAsBoolean());
      assertEquals(2, second.getAsJsonObject("scores").get("label_agreement").getAsInt());
      JsonObject sum = JsonParser.parseString(Files.readString(dir.resolve("judge.jsonl.summary.json")))
          .getAsJsonObject();
      assertEquals(JudgeRubric.VERSION, sum.getAsJsonObject("rubric").get("version").getAsString());
      assertEquals(JudgeRubric.text(), sum.getAsJsonObject("rubric").get("text").getAsString());
      JsonObject la = sum.getAsJsonObject("all").getAsJsonObject("label_agreement");
      // 5, 2, 4: mean 11/3, sd = sqrt(((4/3)^2 + (5/3)^2 + (1/3)^2) / 2) = sqrt(7/3) = 1.527525
      assertEquals(3.6667, la.get("mean").getAsDouble(), 1e-4);
      assertEquals(1.5275, la.get("sd").getAsDouble(), 1e-4);
      // half width 4.302653 * 1.527525 / sqrt(3) = 3.794577: [1 (clipped), 5 (clipped)]
      assertEquals(1.0, la.getAsJsonArray("ci95").get(0).getAsDouble());
      assertEquals(2, sum.getAsJsonObject("prediction_correct").getAsJsonObject("label_agreement").get("n")
          .getAsInt());
      assertEquals(0, Main.run("judge", "--predictions", preds.toString(), "--gold", gold.toString(), "--output",
          out.toString(), "--base-url", s.baseUrl(), "--model", "judge-70b", "--quiet"));
      assertEquals(3, s.requests(), "re-run answered from the cache");
    }
  }

  @Test
  void clearErrorWithoutServerOrModel() throws Exception {
    Path in = dir.resolve("t.jsonl");
    Files.writeString(in, "{\"question\":\"q\",\"label\":\"yes\"}\n");
    // exit code 1 and no output file; the message names the missing setting (checked in ChatClientConfig tests)
    assertEquals(1, Main.run("rationales", "generate", "--input", in.toString(), "--output",
        dir.resolve("o.jsonl").toString(), "--base-url", "http://127.0.0.1:9/v1", "--model", " ", "--quiet"));
    assertFalse(Files.exists(dir.resolve("o.jsonl")));
  }

  @Test
  void anOutputOfUnknownTypeFailsBeforeAnyCall() throws Exception {
    Path in = dir.resolve("t.jsonl");
    Files.writeString(in, "{\"question\":\"q\",\"label\":\"yes\"}\n");
    try (ScriptedChatServer s = new ScriptedChatServer(10, (n, r) -> ScriptedChatServer.answer("because"))) {
      assertEquals(1, Main.run("rationales", "generate", "--input", in.toString(), "--output",
          dir.resolve("o.txt").toString(), "--base-url", s.baseUrl(), "--model", "med-7b", "--quiet"));
      assertEquals(0, s.requests());
      assertFalse(Files.exists(dir.resolve("o.txt")));
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return "(no log)";
    }
  }

  private static void assertNoSecretUnder(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("key.txt"))
          .toList()) {
        assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains(SECRET), "key found in " + f);
      }
    }
  }
}
