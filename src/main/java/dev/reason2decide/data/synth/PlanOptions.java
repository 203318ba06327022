// The dataset card's record of how a synthetic triage plan was generated: sizes, seeds, mixes, grammar, sources.
package dev.reason2decide.data.synth;

import dev.reason2decide.io.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code options} of {@code dataset.json} for {@link SynthTriage#write(java.nio.file.Path, SynthTriage.Plan)}.
 * {@code rationale_source} names each split's source (the held-out splits keep the rules' rationales, the
 * reference of BLEU and ROUGE) and, for llm-noisy, the set noise rate and how many training rationales carry a
 * planted error of each kind.
 */
final class PlanOptions {
  private PlanOptions() {}

  /**
   * The options of {@code plan} whose training split is {@code train}, with {@code varied} grammar-2 training notes
   * added by {@link SynthTriage#write(java.nio.file.Path, SynthTriage.Plan, int)} (0: none; recorded as
   * {@code varied_train}).
   */
  static Map<String, Object> of(SynthTriage.Plan plan, List<SynthTriage.Generated> train, int varied) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("train", plan.train());
    options.put("validation", plan.validation());
    options.put("test", plan.test());
    options.put("train_mix", plan.trainMix().cliName());
    options.put("held_out_mix", SynthTriage.Mix.NATURAL.cliName());
    options.put("seeds", Json.ordered("train", plan.seed(), "validation", plan.seed() + 1, "test", plan.seed() + 2));
    options.put("borderline_share", SynthTriage.BORDERLINE_SHARE);
    options.put("rules", SynthTriage.RULES);
    options.put("grammar", plan.notes().grammar());
    options.put("rationale_source", rationaleSource(plan.notes(), train));
    if (!plan.notes().forms().heldOut().isEmpty()) {
      options.put("held_out_forms", plan.notes().forms().heldOut().stream().sorted().toList());
      options.put("held_out_forms_seed", plan.seed() + 3);
    }
    if (varied > 0) {
      options.put("varied_train", Json.ordered("notes", varied, "grammar", 2,
          "seed", plan.seed() + SynthTriage.VARIED_SEED_OFFSET));
    }
    return options;
  }

  private static Map<String, Object> rationaleSource(SynthTriage.Notes notes, List<SynthTriage.Generated> train) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("train", notes.rationales().cliName());
    m.put("held_out", RationaleSource.RULES.cliName());
    if (notes.rationales() == RationaleSource.LLM_NOISY) {
      m.put("noise_rate", notes.noiseRate());
      Map<String, Integer> planted = new LinkedHashMap<>();
      for (SourcedRationales.Planted p : SourcedRationales.Planted.values()) {
        planted.put(p.name().toLowerCase(java.util.Locale.ROOT),
            (int) train.stream().filter(g -> g.planted() == p).count());
      }
      m.put("planted", planted);
    }
    return m;
  }
}
