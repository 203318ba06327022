// WrittenPlan: a data folder matches the plan that wrote it and names the first option another plan changes.
package dev.reason2decide.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrittenPlanTest {
  @TempDir
  Path dir;

  private static SynthTriage.Plan plan(int train, int grammar, RationaleSource source, double noise) {
    return new SynthTriage.Plan(train, 5, 5, 7, SynthTriage.Mix.RULE_BALANCED,
        new SynthTriage.Notes(grammar, FormPolicy.ALL, source, noise));
  }

  @Test
  void theWritingPlanMatchesAndAChangedOptionIsNamed() {
    SynthTriage.Plan written = plan(30, 1, RationaleSource.RULES, 0.1);
    SynthTriage.write(dir, written, 0);
    assertEquals(Optional.empty(), WrittenPlan.difference(dir, written, 0));
    // a noise rate changes nothing but llm-noisy's rationales
    assertEquals(Optional.empty(), WrittenPlan.difference(dir, plan(30, 1, RationaleSource.RULES, 0.3), 0));
    assertEquals(Optional.of("train: 30 in the folder, 40 asked"),
        WrittenPlan.difference(dir, plan(40, 1, RationaleSource.RULES, 0.1), 0));
    assertEquals(Optional.of("grammar: 1 in the folder, 2 asked"),
        WrittenPlan.difference(dir, plan(30, 2, RationaleSource.RULES, 0.1), 0));
    assertEquals(Optional.of("rationale_source.train: \"rules\" in the folder, \"nurse\" asked"),
        WrittenPlan.difference(dir, plan(30, 1, RationaleSource.NURSE, 0.1), 0));
    assertEquals(Optional.of("varied_train: none in the folder, {\"notes\":12,\"grammar\":2,\"seed\":1007} asked"),
        WrittenPlan.difference(dir, written, 12));
    SynthTriage.Plan other = new SynthTriage.Plan(30, 5, 5, 8, SynthTriage.Mix.RULE_BALANCED,
        new SynthTriage.Notes(1, FormPolicy.ALL));
    assertTrue(WrittenPlan.difference(dir, other, 0).orElseThrow().startsWith("seeds: "));
  }

  @Test
  void variedNotesHeldOutFormsAndNoiseRateAreCompared(@TempDir Path varied, @TempDir Path noisy,
      @TempDir Path held) {
    SynthTriage.Plan base = plan(20, 1, RationaleSource.RULES, 0.1);
    SynthTriage.write(varied, base, 10);
    assertEquals(Optional.empty(), WrittenPlan.difference(varied, base, 10));
    assertTrue(WrittenPlan.difference(varied, base, 11).orElseThrow().startsWith("varied_train: {"));
    assertTrue(WrittenPlan.difference(varied, base, 0).orElseThrow().endsWith(" in the folder, none asked"));

    SynthTriage.Plan noisyPlan = plan(20, 1, RationaleSource.LLM_NOISY, 0.1);
    SynthTriage.write(noisy, noisyPlan, 0);
    assertEquals(Optional.empty(), WrittenPlan.difference(noisy, noisyPlan, 0));
    assertEquals(Optional.of("rationale_source.noise_rate: 0.1 in the folder, 0.25 asked"),
        WrittenPlan.difference(noisy, plan(20, 1, RationaleSource.LLM_NOISY, 0.25), 0));

    String form = "hr:pulse-bpm";
    SynthTriage.Plan heldPlan = new SynthTriage.Plan(20, 5, 5, 7, SynthTriage.Mix.RULE_BALANCED,
        new SynthTriage.Notes(2, new FormPolicy(Set.of(form), false)));
    SynthTriage.write(held, heldPlan, 0);
    assertTrue(Files.exists(held.resolve("dataset.json")));
    assertEquals(Optional.empty(), WrittenPlan.difference(held, heldPlan, 0));
    assertEquals(Optional.of("held_out_forms: [\"" + form + "\"] in the folder, none asked"),
        WrittenPlan.difference(held, plan(20, 2, RationaleSource.RULES, 0.1), 0));
  }
}
