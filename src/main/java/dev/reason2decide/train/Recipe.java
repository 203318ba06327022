// The training recipes: Reason2Decide, its stages and ablations, and the baselines it is compared with.
package dev.reason2decide.train;

import java.util.Locale;

/**
 * A recipe is a list of phases that share one step budget ({@link RecipePlan}). {@code r2d} is Stage-1 (rationales)
 * then Stage-2 (joint, scheduled sampling) from Stage-1's best checkpoint; {@code r2dc} is R2D with
 * Reason2Decide-C's confidence-adaptive sampling and cycle-consistency loss in Stage-2 ({@code r2dc-no-cycle},
 * {@code r2dc-no-adaptive}: one of the two); the others are one phase each.
 */
public enum Recipe {
  R2D("r2d"), R2D_STAGE1("r2d-stage1"), R2D_STAGE2("r2d-stage2"), SFT("sft"), DSS("dss"),
  R2D_NO_STAGE1("r2d-no-stage1"), R2D_GOLD_ONLY("r2d-gold-only"), R2D_PRED_ONLY("r2d-pred-only"),
  R2DC("r2dc"), R2DC_NO_CYCLE("r2dc-no-cycle"), R2DC_NO_ADAPTIVE("r2dc-no-adaptive");

  private final String cliName;

  Recipe(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  /** True for the Reason2Decide-C recipes ({@code r2dc}, {@code r2dc-no-cycle}, {@code r2dc-no-adaptive}). */
  public boolean isR2dc() {
    return this == R2DC || this == R2DC_NO_CYCLE || this == R2DC_NO_ADAPTIVE;
  }

  public static Recipe parse(String s) {
    for (Recipe r : values()) {
      if (r.cliName.equals(s.toLowerCase(Locale.ROOT).replace('_', '-'))) { // R2D_STAGE1: config.json before
        return r;
      }
    }
    throw new IllegalArgumentException("unknown recipe '" + s + "'; known: "
        + String.join(", ", java.util.Arrays.stream(values()).map(Recipe::cliName).toList()));
  }
}
