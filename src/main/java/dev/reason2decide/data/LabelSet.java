// The closed set of decision labels of a task, in a fixed order (the order classes are reported in).
package dev.reason2decide.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

/** An ordered set of labels; {@link #ANY} accepts every non-empty label. */
public record LabelSet(List<String> labels) {
  /** No restriction. */
  public static final LabelSet ANY = new LabelSet(List.of());

  public LabelSet {
    labels = List.copyOf(labels);
    if (new LinkedHashSet<>(labels).size() != labels.size()) {
      throw new IllegalArgumentException("label set has duplicates: " + labels);
    }
    for (String l : labels) {
      if (l.isBlank()) {
        throw new IllegalArgumentException("label set has an empty label: " + labels);
      }
    }
  }

  public static LabelSet of(String... labels) {
    return new LabelSet(List.of(labels));
  }

  /** Parses {@code "yes,no,maybe"}; an empty or null text means {@link #ANY}. */
  public static LabelSet parse(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return ANY;
    }
    List<String> out = new ArrayList<>();
    for (String s : commaSeparated.split(",")) {
      out.add(s.strip());
    }
    return new LabelSet(out);
  }

  /** The labels seen in examples, sorted (for files that come without a declared label set). */
  public static LabelSet observed(Collection<Example> examples) {
    TreeSet<String> seen = new TreeSet<>();
    examples.forEach(e -> seen.add(e.label()));
    return new LabelSet(new ArrayList<>(seen));
  }

  public boolean isAny() {
    return labels.isEmpty();
  }

  /** Whether {@code label} is allowed (always, for {@link #ANY}). */
  public boolean accepts(String label) {
    return isAny() || labels.contains(label);
  }

  public int indexOf(String label) {
    return labels.indexOf(label);
  }

  public int size() {
    return labels.size();
  }

  @Override
  public String toString() {
    return isAny() ? "(any)" : String.join(", ", labels);
  }
}
