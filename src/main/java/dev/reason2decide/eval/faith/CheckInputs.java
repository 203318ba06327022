// What the faithfulness checks need beyond the predictions: a trained simulator and a counterfactual run.
package dev.reason2decide.eval.faith;

import dev.reason2decide.eval.triage.CounterfactualRun;

/**
 * {@code simulator} may be null ({@code simulatorNote} then says why); {@code counterfactual} is null when the
 * probes did not run.
 *
 * @param simulator the trained simulator
 * @param simulatorNote why there is none
 * @param counterfactual the probes' result
 */
public record CheckInputs(Simulator simulator, String simulatorNote, CounterfactualRun.Result counterfactual) {
  /** No simulator, no probes. */
  public static final CheckInputs NONE = new CheckInputs(null, "not computed (no training rationales given)", null);

  /** The same, with the probes' result. */
  public CheckInputs withCounterfactual(CounterfactualRun.Result result) {
    return new CheckInputs(simulator, simulatorNote, result);
  }
}
