// Which label a decoded label text names: the label itself, or its text as the tokenizer gives it back.
package dev.reason2decide.tokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The texts a label step may decode for each label. A tokenizer that normalises (case folding: a {@code Lowercase}
 * normaliser in tokenizer.json) gives "esi-3" back for the label "ESI-3", since the model only ever saw the folded
 * text; that text names the label as surely as the label does. Labels match themselves first, so labels that differ
 * only in case keep to themselves; a normalised text two labels share names the first of them. With a tokenizer that
 * gives every label back as it is, a text names a label exactly when it equals it.
 */
public final class LabelTexts {
  private final Map<String, String> labelOf = new LinkedHashMap<>();

  /** {@code roundTrip}: a label's text as the tokenizer decodes its encoding. */
  public LabelTexts(List<String> labels, UnaryOperator<String> roundTrip) {
    for (String l : labels) {
      labelOf.put(l, l);
    }
    for (String l : labels) {
      labelOf.putIfAbsent(roundTrip.apply(l), l);
    }
  }

  /** The labels and their texts as {@code tok} gives them back. */
  public static LabelTexts of(List<String> labels, TextTokenizer tok) {
    return new LabelTexts(labels, l -> tok.decode(tok.encode(l)).strip());
  }

  /** The label {@code text} names, or null when it names none. */
  public String labelOf(String text) {
    return labelOf.get(text);
  }

  /** Each text replaced by the label it names; a text that names none stays as it is. */
  public List<String> labelsOf(List<String> texts) {
    return texts.stream().map(t -> {
      String l = labelOf.get(t);
      return l == null ? t : l;
    }).toList();
  }
}
