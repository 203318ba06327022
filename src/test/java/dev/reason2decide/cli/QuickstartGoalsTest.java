// The quickstart's goal lines: a goal is met at or above its bar, missed below it, and unmeasured when absent.
package dev.reason2decide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.reason2decide.train.OptimConfig;
import dev.reason2decide.train.TrainConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class QuickstartGoalsTest {
  @Test
  void aGoalIsMetAtItsBarAndNotBelow() {
    assertTrue(new QuickstartGoals.Verdict("accuracy", 0.95, 0.95).met());
    assertFalse(new QuickstartGoals.Verdict("accuracy", 0.949, 0.95).met());
    QuickstartGoals.Verdict none = new QuickstartGoals.Verdict("probes", null, 0.9);
    assertFalse(none.met());
    assertTrue(none.line().startsWith("MISS") && none.line().contains("not measured"), none.line());
    assertTrue(new QuickstartGoals.Verdict("accuracy", 0.96, 0.95).line().startsWith("MET "));
    JsonObject expected = new JsonObject();
    expected.addProperty("check", "accuracy");
    expected.addProperty("value", 0.5);
    expected.addProperty("goal", 0.95);
    expected.add("met", new JsonPrimitive(false));
    assertEquals(expected, dev.reason2decide.io.Json.COMPACT.toJsonTree(
        new QuickstartGoals.Verdict("accuracy", 0.5, 0.95).toMap()));
  }

  @Test
  void settingsByNameOverrideTheQuickstartsOwn() {
    QuickstartCommand q = new QuickstartCommand();
    new CommandLine(q).parseArgs("--set", "lr=2e-3", "--set", "recipe=r2d-gold-only", "--set",
        "scratch-init=transformers");
    TrainConfig c = q.config();
    assertEquals(2e-3f, c.optim().learningRate());
    assertEquals("r2d-gold-only", c.recipe().cliName());
    assertEquals(OptimConfig.ScratchInit.TRANSFORMERS, c.optim().scratchInit());
    assertEquals(1800, c.optim().steps());
    assertTrue(c.optim().scratchTied(), "--set of one setting keeps the quickstart's others");
    QuickstartCommand plain = new QuickstartCommand();
    new CommandLine(plain).parseArgs();
    TrainConfig p = plain.config();
    assertEquals("r2d-gold-only", p.recipe().cliName(), "the grid's most faithful recipe");
    // the measured levers of docs/results.md: numbers-aware tied embeddings, positions learned at 20x the rate
    assertEquals(OptimConfig.ScratchInit.SCALED_HEAD_NUMBERS, p.optim().scratchInit());
    assertTrue(p.optim().scratchTied());
    assertEquals(20f, p.optim().positionLrScale());
    // the goal stop: Stage-2 validated every 100 steps on 100 notes, ends after 2 met validations in a row
    assertEquals(2, p.eval().goalStop());
    assertEquals(100, p.eval().evalEvery());
    assertEquals(100, p.data().maxValidationExamples());
    QuickstartCommand noStop = new QuickstartCommand();
    new CommandLine(noStop).parseArgs("--set", "goal-stop=0");
    assertEquals(0, noStop.config().eval().goalStop());
    assertEquals(1f, p.optim().lrScale("shared.weight"));
    assertTrue(plain.splitPunctuation && !plain.splitDigits && plain.wholeNumbers == 300 && plain.vocabSize == 1500);
    QuickstartCommand old = new QuickstartCommand();
    new CommandLine(old).parseArgs("--no-split-punctuation", "--whole-numbers", "0", "--set", "position-lr-scale=1");
    assertFalse(old.splitPunctuation);
    assertEquals(0, old.wholeNumbers);
    assertEquals(1f, old.config().optim().positionLrScale());
    QuickstartCommand bad = new QuickstartCommand();
    new CommandLine(bad).parseArgs("--set", "lr");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        bad::config);
    assertEquals("--set lr: expected NAME=VALUE", e.getMessage());
    QuickstartCommand unknown = new QuickstartCommand();
    new CommandLine(unknown).parseArgs("--set", "lrr=1");
    e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, unknown::config);
    assertTrue(e.getMessage().contains("no training setting named 'lrr'"), e.getMessage());
    QuickstartCommand twoValues = new QuickstartCommand();
    new CommandLine(twoValues).parseArgs("--set", "lr=1 2");
    e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, twoValues::config);
    assertEquals("--set lr=1 2: '1 2' is not a single value", e.getMessage());
  }
}
