// Which prompt asks a trained model for its rationale: `explain: x` or `given label: ŷ, explain: x`.
package dev.reason2decide.prompts;

import com.google.gson.annotations.SerializedName;

/**
 * The rationale prompt of a model at inference, recorded in its model card: {@link #EXPLAIN} for a model that
 * learned unconditioned rationales (distilling step-by-step), {@link #LABELLED} for every other (the rationale
 * explains the label decided first). Written in JSON as {@code explain} and {@code labelled}.
 */
public enum PromptKind {
  @SerializedName("explain") EXPLAIN,
  @SerializedName("labelled") LABELLED;

  /** The rationale prompt of this kind for {@code input} with the decided {@code label}, from {@code templates}. */
  public String prompt(PromptTemplates templates, String label, String input) {
    return this == EXPLAIN ? templates.explain(input) : templates.labelled(label, input);
  }
}
