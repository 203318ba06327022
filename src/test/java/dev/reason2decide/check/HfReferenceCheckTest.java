// Golden tests: forward, loss, every gradient, one AdamW step, greedy/beam ids and label log-probs vs transformers.
package dev.reason2decide.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.io.Json;
import dev.reason2decide.testing.Shared;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HfReferenceCheckTest {
  @ParameterizedTest
  @ValueSource(strings = {"t5-tiny-v1_0", "t5-tiny-v1_1"})
  void matchesTransformers(String fixture) {
    Map<String, Object> result = HfReferenceCheck.run(Shared.fixture(fixture));
    System.out.println(fixture + ": " + Json.COMPACT.toJson(result).replaceAll("\"per_parameter\":\\{[^}]*\\},?", ""));
    assertEquals(List.of(), result.get("failures"));
    assertTrue((Boolean) result.get("pass"));
    for (String k : List.of("encoder_last_hidden_state", "logits", "loss", "gradients", "after_adamw", "greedy_ids",
        "beam4_ids", "label_logprob")) {
      assertTrue(result.containsKey(k), "figure " + k + " was computed");
    }
  }
}
