// Issue 18, LLM output: an answer that echoes the API key reaches neither the output file nor the response cache.
package dev.reason2decide.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.ExampleWriter;
import dev.reason2decide.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmOutputReliabilityTest {
  private static final String SECRET = "sk-live-ECHOED-7f3a";

  @TempDir
  Path dir;

  private CliRun generate(ScriptedChatServer s, Path in, Path out, Path cache, Path keyFile) throws Exception {
    Path prompt = Files.writeString(dir.resolve("prompt.txt"), "ID={id}\nCase: {input}\nDecision: {label}\n");
    return CliRun.of("rationales", "generate", "--input", in.toString(), "--output", out.toString(),
        "--base-url", s.baseUrl(), "--model", "med-7b", "--prompt", prompt.toString(), "--cache", cache.toString(),
        "--api-key-file", keyFile.toString(), "--quiet");
  }

  @Test
  void anAnswerEchoingTheKeyIsScrubbedInTheOutputAndTheCache() throws Exception {
    Path in = dir.resolve("train.jsonl");
    ExampleWriter.writeDefault(in, List.of(new Example("e1", "chest pain", "urgent", "", ""),
        new Example("e2", "ankle sprain", "routine", "", "")));
    Path keyFile = Files.writeString(dir.resolve("key.txt"), SECRET + "\n");
    Path out = dir.resolve("train.llm.jsonl");
    Path cache = dir.resolve("cache.jsonl");
    try (ScriptedChatServer s = new ScriptedChatServer(10, (n, r) ->
        ScriptedChatServer.answer("Because of the pain. (Authorization: Bearer " + SECRET + ")"))) {
      CliRun r = generate(s, in, out, cache, keyFile);
      assertEquals(0, r.code(), r.err());
      assertEquals("Bearer " + SECRET, s.received().get(0).authorization(), "the key is still sent");
    }
    for (Path f : List.of(out, cache)) {
      assertFalse(Files.readString(f).contains(SECRET), f + " holds the key");
    }
    for (Example e : ExampleReader.readDefault(out).examples()) {
      assertEquals("Because of the pain. (Authorization: Bearer ***)", e.rationale());
    }
    assertEquals(2, Files.readString(cache).split("Bearer \\*\\*\\*", -1).length - 1, "both cached answers scrubbed");
  }

  @Test
  void aReasoningFieldEchoingTheKeyIsScrubbedInTheCache() throws Exception {
    Path in = dir.resolve("train.jsonl");
    ExampleWriter.writeDefault(in, List.of(new Example("e1", "chest pain", "urgent", "", "")));
    Path keyFile = Files.writeString(dir.resolve("key.txt"), SECRET + "\n");
    Path out = dir.resolve("train.llm.jsonl");
    Path cache = dir.resolve("cache.jsonl");
    String body = "{\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":"
        + "{\"role\":\"assistant\",\"reasoning_content\":\"The header said Bearer " + SECRET + "\","
        + "\"content\":\"Chest pain is urgent.\"},\"finish_reason\":\"stop\"}]}";
    try (ScriptedChatServer s = new ScriptedChatServer(10, (n, r) -> new ScriptedChatServer.Raw(body))) {
      CliRun r = generate(s, in, out, cache, keyFile);
      assertEquals(0, r.code(), r.err());
    }
    assertFalse(Files.readString(cache).contains(SECRET), "the cached reasoning holds the key");
    assertTrue(Files.readString(cache).contains("The header said Bearer ***"), Files.readString(cache));
    assertEquals("Chest pain is urgent.", ExampleReader.readDefault(out).examples().get(0).rationale());
  }

  @Test
  void aCachedAnswerHoldingTheKeyIsScrubbedOnTheWayOut() throws Exception {
    Path in = dir.resolve("train.jsonl");
    ExampleWriter.writeDefault(in, List.of(new Example("e1", "chest pain", "urgent", "", "")));
    Path keyFile = Files.writeString(dir.resolve("key.txt"), SECRET + "\n");
    Path cache = dir.resolve("cache.jsonl");
    try (ScriptedChatServer s = new ScriptedChatServer(10, (n, r) -> ScriptedChatServer.answer("key: " + SECRET))) {
      assertEquals(0, generate(s, in, dir.resolve("first.jsonl"), cache, keyFile).code());
      // a cache written by an older version, which stored answers as they came
      Files.writeString(cache, Files.readString(cache).replace("***", SECRET));
      assertTrue(Files.readString(cache).contains(SECRET));
      int asked = s.requests();
      Path out = dir.resolve("second.jsonl");
      CliRun r = generate(s, in, out, cache, keyFile);
      assertEquals(0, r.code(), r.err());
      assertEquals(asked, s.requests(), "answered from the cache");
      assertEquals("key: ***", ExampleReader.readDefault(out).examples().get(0).rationale());
      assertFalse(Files.readString(out).contains(SECRET));
    }
  }
}
