// The task prefixes of Reason2Decide: how an input becomes a prediction, explanation or label-conditioned prompt.
package dev.reason2decide.prompts;

/**
 * Templates with {@code {x}} (the input), {@code {y}} (a label) and {@code {r}} (a rationale). Defaults are the
 * authors' strings: {@code predict: {x}}, {@code explain: {x}}, {@code given label: {y}, explain: {x}}; the
 * consistency probe predicts from a rationale with the prediction template applied to it. Slots are filled in one
 * pass over the template, as the authors' f-strings do, so a {@code {x}} or {@code {y}} inside a filled-in label or
 * input stays as written.
 */
public record PromptTemplates(String predict, String explain, String labelled) {

  public PromptTemplates {
    require(predict, "predict", "{x}");
    require(explain, "explain", "{x}");
    require(labelled, "labelled", "{x}");
    require(labelled, "labelled", "{y}");
  }

  private static void require(String template, String name, String slot) {
    if (template == null || !template.contains(slot)) {
      throw new IllegalArgumentException("prompt template '" + name + "' must contain " + slot + ": " + template);
    }
  }

  /** The reference templates. */
  public static PromptTemplates reference() {
    return new PromptTemplates("predict: {x}", "explain: {x}", "given label: {y}, explain: {x}");
  }

  /** {@code predict: x}. */
  public String predict(String input) {
    return fill(predict, input, null);
  }

  /** {@code explain: x} (Stage-1 and DSS's unconditioned rationale task). */
  public String explain(String input) {
    return fill(explain, input, null);
  }

  /** {@code given label: y, explain: x} (Stage-2 and inference). */
  public String labelled(String label, String input) {
    return fill(labelled, input, label);
  }

  /** The template with every {@code {x}} and (when {@code label} is given) {@code {y}} replaced, in one pass. */
  private static String fill(String template, String input, String label) {
    StringBuilder out = new StringBuilder(template.length() + input.length() + (label == null ? 0 : label.length()));
    int i = 0;
    while (i < template.length()) {
      if (template.startsWith("{x}", i)) {
        out.append(input);
        i += 3;
      } else if (label != null && template.startsWith("{y}", i)) {
        out.append(label);
        i += 3;
      } else {
        out.append(template.charAt(i++));
      }
    }
    return out.toString();
  }
}
