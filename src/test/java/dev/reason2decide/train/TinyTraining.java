// Shared helpers for training tests: a tiny data set and a fast configuration.
package dev.reason2decide.train;

import dev.reason2decide.data.Example;
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
    return TrainSettings.with(TrainConfig.reference(recipe), "steps", steps, "stage1-fraction", 0.5, "batch-size", 16,
        "eval-batch-size", 16, "lr", 3e-3f, "lr-schedule", "constant", "stage1-eval-every", 1000, "eval-every", 1000,
        "max-input-tokens", 128, "max-target-tokens", 64, "label-max-new-tokens", 8, "rationale-max-new-tokens", 32,
        "seed", 7L, "dropout", 0f, "threads", 2);
  }
}
