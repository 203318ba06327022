// r2d predict writes each rationale's checks beside the decision, on a real (tiny, untrained) T5 model.
package dev.reason2decide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.synth.SynthTriage;
import dev.reason2decide.data.synth.TriageRules;
import dev.reason2decide.testing.TinyT5;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictChecksTest {
  @TempDir
  Path tmp;

  @Test
  void everyPredictionCarriesItsChecks() throws Exception {
    Path data = tmp.resolve("data");
    List<Example> test = SynthTriage.write(data, 40, 4, 0.8, 0.1, 0.1).get("test");
    Path model = TinyT5.modelFolder(tmp.resolve("model"), TriageRules.LABELS);
    Path out = tmp.resolve("p.jsonl");
    assertEquals(0, Main.run("predict", "--model", model.toString(), "--input", data.resolve("test.jsonl").toString(),
        "--output", out.toString(), "--quiet", "--threads", "1"));
    List<String> lines = Files.readAllLines(out);
    assertEquals(test.size(), lines.size());
    for (String line : lines) {
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      String input = o.get("input").getAsString();
      String rationale = o.get("predicted_rationale").getAsString();
      JsonObject checks = o.getAsJsonObject("checks");
      List<String> noteNumbers = Arrays.asList(input.split("[^0-9.]+"));
      for (JsonElement e : checks.getAsJsonArray("unsupported_numbers")) {
        JsonObject s = e.getAsJsonObject();
        String text = s.get("text").getAsString();
        assertEquals(text, rationale.substring(s.get("start").getAsInt(), s.get("end").getAsInt()));
        assertFalse(noteNumbers.contains(text), text + " is in the note: " + input);
      }
      // a synthetic note: the exact checks are there; an untrained model's text is outside the grammar
      assertTrue(checks.has("states_decision"), line);
      assertTrue(checks.has("fully_faithful"), line);
    }
  }
}
