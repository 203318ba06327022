// Far text for the shift suite: PubMedQA questions, which are not triage notes, as out-of-domain examples.
package dev.reason2decide.data.convert;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.SeededRandom;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code n} PubMedQA PQA-L questions ({@code QUESTION} of {@code ori_pqal.json}), drawn with a seed, as examples
 * with id {@code pubmedqa-<PMID>}, gold label {@link #LABEL} (no triage level is right for them, so every
 * decision on them is wrong) and no rationale.
 */
public final class PubMedQaQuestions {
  /** The gold label of far text: not one of any model's labels. */
  public static final String LABEL = "out-of-domain";

  private PubMedQaQuestions() {}

  /** {@code n} questions (all when there are fewer), in a seeded random order. */
  public static List<Example> sample(Path raw, int n, long seed) {
    Path pqal = raw.resolve("ori_pqal.json");
    JsonObject all = PubMedQa.readObject(pqal);
    List<Example> out = new ArrayList<>();
    for (var e : all.entrySet()) {
      JsonElement q = e.getValue().isJsonObject() ? e.getValue().getAsJsonObject().get("QUESTION") : null;
      if (q == null || !q.isJsonPrimitive() || q.getAsString().isBlank()) {
        throw new IllegalArgumentException(pqal + ": " + e.getKey() + ".QUESTION: missing or empty");
      }
      out.add(new Example("pubmedqa-" + e.getKey(), q.getAsString().strip(), LABEL, "", ""));
    }
    new SeededRandom(seed).shuffle(out);
    return List.copyOf(out.subList(0, Math.min(n, out.size())));
  }
}
