// What the model itself says about one decision: label probability and margin, distances of its states, fluency.
package dev.reason2decide.trust;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model-side signals of one decision, computed by inference from the passes it makes anyway.
 *
 * @param labelText the label decoder's raw text
 * @param labelInSet whether that text is one of the model's labels
 * @param labelProbability the probability of the predicted label among the labels (softmax of sequence scores)
 * @param margin that probability minus the next largest
 * @param inputDistance min_k MD_k of the mean-pooled encoder states of {@code predict: x} (null without statistics)
 * @param inputRelative RMD of the same (null without statistics)
 * @param outputDistance min_k MD_k of the mean-pooled decoder states over the generated rationale (or null)
 * @param outputRelative RMD of the same (or null)
 * @param rationaleSurprise the mean negative log-probability of the rationale's tokens, as generated
 * @param tokenDistance the largest squared Mahalanobis distance of one encoder state of {@code predict: x} to the
 *     Gaussian of training tokens (null without token statistics)
 * @param label the decided label, one of the model's labels (the most probable when the label step wrote another
 *     text): which training notes' distances a distance is compared with ({@link TrustRule})
 */
public record ModelSignals(String labelText, boolean labelInSet, double labelProbability, double margin,
    Double inputDistance, Double inputRelative, Double outputDistance, Double outputRelative,
    double rationaleSurprise, Double tokenDistance, String label) {

  /** The decided label taken as {@code labelText} (callers whose label step writes the label as it is). */
  public ModelSignals(String labelText, boolean labelInSet, double labelProbability, double margin,
      Double inputDistance, Double inputRelative, Double outputDistance, Double outputRelative,
      double rationaleSurprise, Double tokenDistance) {
    this(labelText, labelInSet, labelProbability, margin, inputDistance, inputRelative, outputDistance,
        outputRelative, rationaleSurprise, tokenDistance, labelText);
  }

  /** Without a token-level distance. */
  public ModelSignals(String labelText, boolean labelInSet, double labelProbability, double margin,
      Double inputDistance, Double inputRelative, Double outputDistance, Double outputRelative,
      double rationaleSurprise) {
    this(labelText, labelInSet, labelProbability, margin, inputDistance, inputRelative, outputDistance,
        outputRelative, rationaleSurprise, null);
  }

  /** Signals of a decision made without any (a test's or a sample's): in the set, certain, no distances. */
  public static ModelSignals none(String label) {
    return new ModelSignals(label, true, 1, 1, null, null, null, null, 0);
  }

  /** The value of a named feature ({@link TrustFeature}); null when the signal is missing. */
  public Double feature(TrustFeature f) {
    return switch (f) {
      case LABEL_SURPRISE -> -Math.log(Math.max(labelProbability, 1e-300));
      case MARGIN_GAP -> 1 - margin;
      case INPUT_MD -> inputDistance;
      case INPUT_RMD -> inputRelative;
      case TOKEN_MD -> tokenDistance;
      case OUTPUT_MD -> outputDistance;
      case OUTPUT_RMD -> outputRelative;
      case RATIONALE_SURPRISE -> rationaleSurprise;
    };
  }

  /** The signals as JSON fields (snake_case, nulls kept), in a fixed order. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label_probability", labelProbability);
    m.put("margin", margin);
    m.put("input_md", inputDistance);
    m.put("input_rmd", inputRelative);
    m.put("output_md", outputDistance);
    m.put("output_rmd", outputRelative);
    m.put("rationale_surprise", rationaleSurprise);
    m.put("token_md", tokenDistance);
    return m;
  }
}
