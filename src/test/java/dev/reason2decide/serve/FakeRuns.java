// Small run folders as the trainer and `r2d evaluate` write them, for the runs view tests.
package dev.reason2decide.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes three runs: a complete one, a second for comparison, and a damaged one. */
final class FakeRuns {
  private FakeRuns() {}

  static Path write(Path root) throws IOException {
    Path a = Files.createDirectories(root.resolve("r2d-base-seed1/evaluation"));
    Files.writeString(a.resolve("../config.json").normalize(), """
        {"model": {"name": "t5-base", "max_source_len": 512}, "stage1": {"epochs": 3, "lr": 5e-5},
         "stage2": {"alpha": 0.7, "sampling": "linear"}, "seed": 1}""");
    Files.writeString(a.resolve("../provenance.json").normalize(), """
        {"git_commit": "abc1234", "data_sha256": "9f2c", "created": "2025-01-01T00:00:00Z"}""");
    StringBuilder m = new StringBuilder();
    for (int s = 0; s <= 40; s += 10) {
      m.append("{\"kind\":\"step\",\"stage\":\"stage1\",\"step\":").append(s).append(",\"loss\":")
          .append(3.0 - s * 0.05).append(",\"l_rat\":").append(3.0 - s * 0.05).append(",\"lr\":5e-5}\n");
    }
    for (int s = 0; s <= 40; s += 10) {
      m.append("{\"kind\":\"step\",\"stage\":\"stage2\",\"step\":").append(s).append(",\"loss\":")
          .append(1.5 - s * 0.01).append(",\"l_pred\":").append(0.9 - s * 0.01).append(",\"l_rat\":")
          .append(1.1 - s * 0.01).append(",\"alpha\":0.7,\"pi\":").append(s / 40.0)
          .append(",\"predicted_fraction\":").append(s / 40.0 * 0.9).append(",\"tokens_per_s\":null}\n");
    }
    m.append("{\"kind\":\"eval\",\"stage\":\"stage2\",\"step\":20,\"val_macro_f1\":0.52,\"val_accuracy\":0.61}\n");
    m.append("{\"kind\":\"eval\",\"stage\":\"stage2\",\"step\":40,\"val_macro_f1\":0.61,\"val_accuracy\":0.70}\n");
    Files.writeString(a.resolve("../metrics.jsonl").normalize(), m.toString());
    Files.writeString(a.resolve("report.json"), """
        {"labels": {"accuracy": 0.70, "macro_f1": 0.61, "weighted_f1": 0.68},
         "rationales": {"bleu_nltk": 0.21, "sacrebleu": {"score": 19.5}, "chrf": {"score": 44.1},
                        "rougeL": {"f": 0.38}, "bertscore": {"F": 0.88}},
         "faithfulness": {"consistency": 0.93, "sufficiency": 0.81, "gold_robustness": 0.77}}""");

    Path b = Files.createDirectories(root.resolve("r2d-small-seed1/evaluation"));
    Files.writeString(b.resolve("../config.json").normalize(), "{\"model\": {\"name\": \"t5-small\"}}");
    Files.writeString(b.resolve("report.json"), """
        {"labels": {"accuracy": 0.64, "macro_f1": 0.66}, "rationales": {"bleu_nltk": 0.17}}""");

    Path c = Files.createDirectories(root.resolve("broken-run"));
    Files.writeString(c.resolve("config.json"), "{\"model\": ");
    Files.writeString(c.resolve("metrics.jsonl"), """
        {"kind":"step","stage":"sft","step":1,"loss":2.0}
        {"kind":"step","stage":"sft","step":2,"loss":
        not json at all
        {"kind":"step","stage":"sft","loss":1.0}
        {"kind":"weird","step":3}

        {"kind":"step","stage":"sft","step":3,"loss":NaN}
        {"kind":"step","stage":"sft","step":4,"loss":1.5}
        """);
    Files.createDirectories(root.resolve("not-a-run")); // no run files: not listed
    return root;
  }
}
