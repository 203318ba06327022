// rationales generate against the answers of vLLM, llama.cpp, Ollama and TGI: reasoning and wrappers cleaned, noted.
package dev.reason2decide.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.cli.Main;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.ExampleWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each example is answered with a whole response body in the shape one server produces (field names and extra
 * fields as in their OpenAI-compatible chat-completions responses: vLLM's {@code reasoning_content} (and the newer
 * {@code reasoning}) with a reasoning parser and {@code <think>} inline without one; llama.cpp's
 * {@code reasoning_content} with {@code --reasoning-format deepseek}; Ollama's {@code /v1} with {@code <think>}
 * inline, and its {@code reasoning} field; TGI's {@code finish_reason "eos_token"} and {@code "length"}).
 */
class ServerAnswerShapesTest {
  private static final String R = "Chest pain with ST elevation needs an ECG within ten minutes.";
  private static final String THOUGHT = "Okay, the user wants a rationale. The case says ST elevation, so...";

  @TempDir
  Path dir;

  private static String usage(int p, int c) {
    return "\"usage\":{\"prompt_tokens\":" + p + ",\"total_tokens\":" + (p + c) + ",\"completion_tokens\":" + c;
  }

  private static String json(String s) {
    JsonArray a = new JsonArray();
    a.add(s);
    return a.get(0).toString();
  }

  /** vLLM: message with reasoning_content (null without a parser), choice with stop_reason, usage details. */
  private static String vllm(String content, String reasoning, String finish) {
    return "{\"id\":\"chatcmpl-9f2\",\"object\":\"chat.completion\",\"created\":1750000000,"
        + "\"model\":\"deepseek-ai/DeepSeek-R1-Distill-Qwen-32B\",\"choices\":[{\"index\":0,\"message\":"
        + "{\"role\":\"assistant\",\"reasoning_content\":" + (reasoning == null ? "null" : json(reasoning))
        + ",\"content\":" + (content == null ? "null" : json(content)) + ",\"tool_calls\":[]},\"logprobs\":null,"
        + "\"finish_reason\":\"" + finish + "\",\"stop_reason\":null}]," + usage(80, 40)
        + ",\"prompt_tokens_details\":null},\"prompt_logprobs\":null}";
  }

  /** vLLM 0.11 and later: the field is called reasoning (reasoning_content is kept beside it). */
  private static String vllmNew(String content, String reasoning) {
    return "{\"id\":\"chatcmpl-a01\",\"object\":\"chat.completion\",\"created\":1760000000,\"model\":\"Qwen/Qwen3-8B\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + json(content)
        + ",\"refusal\":null,\"annotations\":null,\"audio\":null,\"function_call\":null,\"tool_calls\":[],"
        + "\"reasoning\":" + json(reasoning) + ",\"reasoning_content\":" + json(reasoning) + "},\"logprobs\":null,"
        + "\"finish_reason\":\"stop\",\"stop_reason\":null}]," + usage(80, 40) + "}}";
  }

  /** llama.cpp's llama-server: timings and system_fingerprint; reasoning_content with --reasoning-format. */
  private static String llamaCpp(String content, String reasoning) {
    return "{\"choices\":[{\"finish_reason\":\"stop\",\"index\":0,\"message\":{\"role\":\"assistant\","
        + (reasoning == null ? "" : "\"reasoning_content\":" + json(reasoning) + ",") + "\"content\":"
        + json(content) + "}}],\"created\":1750000000,\"model\":\"qwen3-8b-q4_k_m.gguf\","
        + "\"system_fingerprint\":\"b5950-1f2e3d4c\",\"object\":\"chat.completion\"," + usage(90, 45)
        + "},\"id\":\"chatcmpl-Zx1\",\"timings\":{\"prompt_n\":90,\"prompt_ms\":40.1,\"predicted_n\":45,"
        + "\"predicted_ms\":900.5}}";
  }

  /** Ollama's /v1 endpoint: fp_ollama; a reasoning field (when thinking is split) or the think block inline. */
  private static String ollama(String content, String reasoning) {
    return "{\"id\":\"chatcmpl-427\",\"object\":\"chat.completion\",\"created\":1750000000,"
        + "\"model\":\"deepseek-r1:8b\",\"system_fingerprint\":\"fp_ollama\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":" + json(content)
        + (reasoning == null ? "" : ",\"reasoning\":" + json(reasoning)) + "},\"finish_reason\":\"stop\"}],"
        + usage(70, 35) + "}}";
  }

  /** TGI's Messages API: native system_fingerprint, logprobs null, finish_reason eos_token or length. */
  private static String tgi(String content, String finish) {
    return "{\"object\":\"chat.completion\",\"id\":\"\",\"created\":1750000000,"
        + "\"model\":\"mistralai/Mistral-7B-Instruct-v0.3\",\"system_fingerprint\":\"3.0.1-native\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + json(content)
        + "},\"logprobs\":null,\"finish_reason\":\"" + finish + "\"}]," + usage(60, 30) + "}}";
  }

  /** id, server answer, expected rationale (null: rejected), expected cleaned kinds. */
  private record Case(String id, String body, String rationale, List<String> cleaned) {}

  private static List<Case> cases() {
    return List.of(
        // vLLM serving R1 without a reasoning parser: the template opened <think>, the answer closes it
        new Case("vllm-raw", vllm(THOUGHT + "\n</think>\n\n" + R, null, "stop"), R, List.of("think_block")),
        // vLLM serving Qwen3 without a parser: the whole block inline, then a markdown label
        new Case("vllm-qwen", vllm("<think>\n" + THOUGHT + "\n</think>\n\n**Rationale:** " + R, null, "stop"), R,
            List.of("think_block", "label")),
        // vLLM with --reasoning-parser: the reasoning in its field, never taken as the rationale
        new Case("vllm-parser", vllm("\n\n" + R, THOUGHT, "stop"), R, List.of("reasoning_field")),
        // ... and an answer that ended inside the reasoning: content null
        new Case("vllm-only-reasoning", vllm(null, THOUGHT + " " + R, "stop"), null, List.of()),
        new Case("vllm-new", vllmNew("\"" + R + "\"", THOUGHT), R, List.of("reasoning_field", "quotes")),
        new Case("llamacpp-deepseek", llamaCpp(R, THOUGHT), R, List.of("reasoning_field")),
        new Case("llamacpp-none", llamaCpp("<think>\n" + THOUGHT + "\n</think>\n" + R, null), R,
            List.of("think_block")),
        new Case("ollama-inline", ollama("<think>\n" + THOUGHT + "\n</think>\n\n\"" + R + "\"", null), R,
            List.of("think_block", "quotes")),
        new Case("ollama-field", ollama("Chest pain with **ST elevation** needs an ECG within ten minutes.", THOUGHT),
            R, List.of("reasoning_field", "markdown")),
        new Case("ollama-unclosed", ollama("<think>\n" + THOUGHT, null), null, List.of()),
        new Case("tgi", tgi("```\nRationale: " + R + "\n```", "eos_token"), R, List.of("code_fence", "label")),
        new Case("tgi-plain", tgi(R, "eos_token"), R, List.of()),
        new Case("tgi-length", tgi("Chest pain with ST elevation needs", "length"), null, List.of()));
  }

  @Test
  void everyShapeIsCleanedNotedOrRefused() throws Exception {
    List<Case> cases = cases();
    List<Example> examples = new ArrayList<>();
    for (Case c : cases) {
      examples.add(new Example(c.id(), "54-year-old with chest pain, ST elevation in II, III, aVF", "urgent", "",
          ""));
    }
    Path in = dir.resolve("train.jsonl");
    ExampleWriter.writeDefault(in, examples);
    Path out = dir.resolve("train.llm.jsonl");
    Path prompt = dir.resolve("prompt.txt");
    Files.writeString(prompt, "ID={id}\nCase: {input}\nDecision: {label}\n");
    try (ScriptedChatServer s = new ScriptedChatServer(100, (n, r) -> new ScriptedChatServer.Raw(
        cases.stream().filter(c -> c.id().equals(RationaleGeneratorTest.id(r))).findFirst().orElseThrow().body()))) {
      String[] args = {"rationales", "generate", "--input", in.toString(), "--output", out.toString(),
          "--base-url", s.baseUrl(), "--model", "m", "--prompt", prompt.toString(), "--quiet"};
      assertEquals(0, Main.run(args));
      assertEquals(cases.size(), s.requests());

      List<String> lines = Files.readAllLines(out);
      List<Case> accepted = cases.stream().filter(c -> c.rationale() != null).toList();
      assertEquals(accepted.size(), lines.size());
      for (int i = 0; i < accepted.size(); i++) {
        Case c = accepted.get(i);
        JsonObject row = JsonParser.parseString(lines.get(i)).getAsJsonObject();
        assertEquals(c.id(), row.get("id").getAsString());
        assertEquals(c.rationale(), row.get("rationale").getAsString(), c.id());
        List<String> cleaned = new ArrayList<>();
        row.getAsJsonArray("cleaned").forEach(e -> cleaned.add(e.getAsString()));
        assertEquals(c.cleaned(), cleaned, c.id());
      }
      // the reader takes the file back as examples (the cleaned column is extra)
      assertEquals(accepted.size(), ExampleReader.readDefault(out).examples().size());

      JsonObject prov = JsonParser.parseString(Files.readString(dir.resolve("train.llm.jsonl.provenance.json")))
          .getAsJsonObject();
      assertEquals(3, prov.get("rejected").getAsInt());
      JsonObject reasons = prov.getAsJsonObject("rejected_by_reason");
      assertEquals(2, reasons.get("empty once cleaned").getAsInt(), "vllm-only-reasoning, ollama-unclosed");
      assertEquals(1, reasons.get("truncated").getAsInt(), "tgi-length");
      assertEquals(2, reasons.size());
      // rows with something removed: all accepted but tgi-plain
      assertEquals(accepted.size() - 1, prov.get("cleaned_examples").getAsInt());
      JsonObject byKind = prov.getAsJsonObject("cleaned_by_kind");
      assertEquals(4, byKind.get("think_block").getAsInt());
      assertEquals(4, byKind.get("reasoning_field").getAsInt());
      assertEquals(2, byKind.get("label").getAsInt());
      assertEquals(2, byKind.get("quotes").getAsInt());
      assertEquals(1, byKind.get("markdown").getAsInt());
      assertEquals(1, byKind.get("code_fence").getAsInt());
      for (var e : prov.getAsJsonArray("rejected_examples")) {
        assertFalse(e.getAsJsonObject().get("answer").getAsString().contains(R),
            "no rationale was taken from the reasoning field");
      }

      // a re-run answers from the cache (reasoning fields included) and writes the same file
      String first = Files.readString(out);
      assertEquals(0, Main.run(args));
      assertEquals(cases.size(), s.requests());
      assertEquals(first, Files.readString(out));
    }
  }

  @Test
  void theServersFieldsAreReadAsTheyAreNamed() {
    ChatResponse v = ChatResponse.parse(vllm("\n\n" + R, THOUGHT, "stop"));
    assertEquals("\n\n" + R, v.content());
    assertEquals(THOUGHT, v.reasoning());
    assertEquals("", ChatResponse.parse(vllm(R, null, "stop")).reasoning());
    assertEquals("", ChatResponse.parse(vllm(null, THOUGHT, "stop")).content());
    assertEquals(THOUGHT, ChatResponse.parse(vllmNew(R, THOUGHT)).reasoning());
    assertEquals(THOUGHT, ChatResponse.parse(llamaCpp(R, THOUGHT)).reasoning());
    assertEquals(THOUGHT, ChatResponse.parse(ollama(R, THOUGHT)).reasoning());
    ChatResponse t = ChatResponse.parse(tgi(R, "length"));
    assertEquals(R, t.content());
    assertEquals("", t.reasoning());
    assertEquals(true, t.truncated());
    assertEquals(new Usage(60, 30, 90), t.usage());
    // the cache keeps the reasoning field
    assertEquals(v, ChatResponse.fromJson(v.toJson()));
  }
}
