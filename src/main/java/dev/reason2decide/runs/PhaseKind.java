// The kinds of training phase: each names its folder in a run and the rationale prompt its model answers.
package dev.reason2decide.runs;

import com.google.gson.annotations.SerializedName;
import dev.reason2decide.prompts.PromptKind;

/**
 * A phase's kind, by which the code tells phases apart (never by name): its folder in a {@link RunFolder} (the
 * {@code stage} of metrics.jsonl too) and the {@link PromptKind} a model it selected is explained with. Only a
 * distilling step-by-step model ({@link #DSS}) learned unconditioned rationales; the others are explained with the
 * label they decided (a Stage-1 model too, as inference has always done).
 */
public enum PhaseKind {
  @SerializedName("stage1") STAGE1("stage1", PromptKind.LABELLED),
  @SerializedName("stage2") STAGE2("stage2", PromptKind.LABELLED),
  @SerializedName("sft") SFT("sft", PromptKind.LABELLED),
  @SerializedName("dss") DSS("dss", PromptKind.EXPLAIN);

  private final String folder;
  private final PromptKind prompt;

  PhaseKind(String folder, PromptKind prompt) {
    this.folder = folder;
    this.prompt = prompt;
  }

  /** The phase's folder name in a run (and its {@code stage} in metrics.jsonl). */
  public String folder() {
    return folder;
  }

  /** The rationale prompt of a model this phase selected. */
  public PromptKind prompt() {
    return prompt;
  }

  /** The kind whose folder is {@code name}, or null when none is. */
  public static PhaseKind ofFolder(String name) {
    for (PhaseKind k : values()) {
      if (k.folder.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
