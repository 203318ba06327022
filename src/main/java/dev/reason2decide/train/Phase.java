// One training phase: which tasks are trained, with which weights and sampling, how it is evaluated and selected.
package dev.reason2decide.train;

import com.google.gson.annotations.SerializedName;
import dev.reason2decide.runs.PhaseKind;

/**
 * A phase trains L = α_t·L_pred + (1 − α_t)·L_rat over {@code steps} steps (a weight of 0 skips that task's
 * forward pass). {@code rationale} says which rationale prompt is used: none, {@code explain: x} (Stage-1 and DSS)
 * or {@code given label: ỹ, explain: x} with ỹ drawn by {@code sampling} (Stage-2). Selection is by validation
 * loss of the rationale task (Stage-1) or validation macro-F1 (the rest); early stopping (see
 * {@link EarlyStopping}) ignores validations before step {@code patienceDelay} and stops after {@code patience}
 * failures (0: never). Reason2Decide-C's Stage-2 options:
 * {@code adaptive} (ŷ is kept only when a second coin, σ(slope·(c − τ)) with c the confidence of ŷ, agrees with the
 * π coin) and {@code cycle} (the loss gains λ·L_cycle, the label recovered from the Gumbel-softmax of the rationale
 * logits); see {@link ConsistencyConfig}. {@code kind} says which phase it is ({@link PhaseKind}; {@code name} in
 * config.json's list of phases).
 */
public record Phase(@SerializedName("name") PhaseKind kind, int steps, AlphaSchedule alpha, RationaleTask rationale,
    SamplingSchedule sampling, Selection selection, int evalEvery, int patience, int patienceDelay, boolean adaptive, boolean cycle) {

  /** A phase without Reason2Decide-C's options. */
  public Phase(PhaseKind kind, int steps, AlphaSchedule alpha, RationaleTask rationale, SamplingSchedule sampling,
      Selection selection, int evalEvery, int patience, int patienceDelay) {
    this(kind, steps, alpha, rationale, sampling, selection, evalEvery, patience, patienceDelay, false, false);
  }

  public Phase {
    SettingCheck.require(!(adaptive || cycle) || rationale == RationaleTask.LABELLED,
        "confidence-adaptive sampling and the cycle loss are Stage-2 options (the labelled rationale task)");
  }

  /** This phase with Reason2Decide-C's options switched as given. */
  public Phase withConsistency(boolean adaptive, boolean cycle) {
    return new Phase(kind, steps, alpha, rationale, sampling, selection, evalEvery, patience, patienceDelay, adaptive,
        cycle);
  }

  /** The phase's folder name in the run, its {@code stage} in metrics.jsonl. */
  public String name() {
    return kind.folder();
  }

  /** Which rationale prompt a phase trains. */
  public enum RationaleTask { NONE, EXPLAIN, LABELLED }

  /** What picks the best checkpoint. */
  public enum Selection { VALIDATION_LOSS, MACRO_F1 }
}
