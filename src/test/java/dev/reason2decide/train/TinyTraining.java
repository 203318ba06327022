// Shared helpers for training tests: a tiny data set and a fast configuration.
package dev.reason2decide.train;

import dev.reason2decide.data.Example;
import dev.reason2decide.prompts.PromptTemplates;
import java.util.ArrayList;
import java.util.List;

final class TinyTraining {
  private TinyTraining() {}

  static final String[] COMPLAINTS = {"chest pain", "ankle sprain", "fever", "headache", "cough", "rash",
      "abdominal pain", "back pain"};

  /** 16 short examples with three labels and rationales that name the deciding finding. */
  static List<Example> sixteen() {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String c = COMPLAINTS[i % COMPLAINTS.length];
      int hr = 60 + 7 * i;
      String label = hr > 140 ? "urgent" : hr > 100 ? "soon" : "routine";
      String rationale = "heart rate " + hr + " is " + (hr > 140 ? "very high" : hr > 100 ? "high" : "normal");
      out.add(new Example("ex" + i, "patient with " + c + ", heart rate " + hr, label, rationale, "synthetic"));
    }
    return out;
  }

  static TrainConfig config(Recipe recipe, int steps) {
    return new TrainConfig(recipe, steps, 0.5, 16, 16, 3e-3f, 0, "constant", 0f, 1.0f, 1, 1000, 1000, 3, 5,
        AlphaSchedule.reference(), 0.5f, SamplingSchedule.reference(), "greedy", 128, 64, 8, 32, 7L, 0f, true, 2, 0,
        PromptTemplates.reference());
  }
}
