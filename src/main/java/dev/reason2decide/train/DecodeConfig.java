// Decoding lengths used in training: the greedy ŷ of Stage-2 and the rationales decoded at validation.
package dev.reason2decide.train;

/** At most {@code labelMaxNewTokens} tokens for ŷ and {@code rationaleMaxNewTokens} for r̂ (max_length − 1). */
public record DecodeConfig(int labelMaxNewTokens, int rationaleMaxNewTokens) {

  public DecodeConfig {
    SettingCheck.require(labelMaxNewTokens > 0 && rationaleMaxNewTokens > 0, "decoding lengths must be positive");
  }

  /** The reference's max_length 50 and 256. */
  public static DecodeConfig reference() {
    return new DecodeConfig(49, 255);
  }
}
