// The issue-13 options by name: dss-patience (0 = off) and explain-max-input-tokens, their defaults and checks.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class ReferenceOptionsTest {
  private static final TrainConfig DSS = TrainConfig.reference(Recipe.DSS);

  private static int dssPatience(TrainConfig c) {
    return RecipePlan.phases(c).get(0).patience();
  }

  @Test
  void dssPatienceDefaultsToFiveCanBeSwitchedOffAndIsNotPatience() {
    assertEquals(5, dssPatience(DSS));
    assertEquals(0, dssPatience(TrainSettings.with(DSS, "dss-patience", 0)));
    assertEquals(5, dssPatience(TrainSettings.with(DSS, "patience", 2)));
    assertEquals(2, RecipePlan.phases(TrainSettings.with(TrainConfig.reference(Recipe.SFT), "patience", 2)).get(0)
        .patience());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.apply(DSS, JsonParser.parseString("{\"dss-patience\": -1}").getAsJsonObject(), "x.json: "));
    assertEquals("x.json: dss-patience must be between 0 and 1,000,000, got -1", e.getMessage());
  }

  @Test
  void aConfigJsonWrittenBeforeDssPatienceKeepsDssStoppingWithPatience() {
    JsonObject old = TrainSettings.toJson(TrainSettings.with(DSS, "patience", 3));
    old.remove("dss-patience");
    assertEquals(3, TrainSettings.fromJson(old, "config.json: train.").eval().dssPatience());
    JsonObject now = TrainSettings.toJson(TrainSettings.with(DSS, "patience", 3));
    assertEquals(5, TrainSettings.fromJson(now, "config.json: train.").eval().dssPatience());
    JsonObject r2d = TrainSettings.toJson(TrainSettings.with(TrainConfig.reference(Recipe.R2D), "patience", 3));
    r2d.remove("dss-patience");
    assertEquals(5, TrainSettings.fromJson(r2d, "config.json: train.").eval().dssPatience()); // unused, default
  }

  @Test
  void explainMaxInputTokensDefaultsToTheInputLimit() {
    TrainConfig ref = TrainConfig.reference(Recipe.R2D);
    assertEquals(0, ref.data().explainMaxInputTokens());
    assertEquals(1024, ref.data().explainLimit(0.5));
    TrainConfig c = TrainSettings.with(ref, "explain-max-input-tokens", 512);
    assertEquals(1024, c.data().explainLimit(0.0));
    assertEquals(512, c.data().explainLimit(0.01));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainSettings.with(ref, "explain-max-input-tokens", 4));
    assertEquals("explain-max-input-tokens: explain-max-input-tokens must be 0 (= max-input-tokens) or at least 8, "
        + "got 4", e.getMessage());
  }
}
