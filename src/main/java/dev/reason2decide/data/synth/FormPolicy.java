// Which note forms a split may use: all but the held-out ones (training), or only the held-out ones (their test split).
package dev.reason2decide.data.synth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Held-out (slot, form) pairs, and whether a split keeps them out ({@code heldOutOnly} false: training, validation
 * and the ordinary test split) or writes its held-out slots only with them ({@code heldOutOnly} true: the held-out
 * form test split; its other slots use the forms training saw).
 *
 * @param heldOut form keys ({@code slot:name})
 * @param heldOutOnly see above
 */
public record FormPolicy(Set<String> heldOut, boolean heldOutOnly) {
  /** Every form allowed. */
  public static final FormPolicy ALL = new FormPolicy(Set.of(), false);

  public FormPolicy {
    heldOut = Set.copyOf(new LinkedHashSet<>(heldOut));
    for (String key : heldOut) {
      NoteForms.named(key); // an unknown form is an error naming the slot's forms
    }
    for (String slot : NoteForms.SLOTS) {
      List<NoteForm> kept = new ArrayList<>();
      for (NoteForm f : NoteForms.of(slot)) {
        if (!heldOut.contains(f.key()) && !f.statesAbsent()) {
          kept.add(f);
        }
      }
      if (kept.isEmpty()) {
        throw new IllegalArgumentException("holding out these forms leaves slot " + slot
            + " no form with a value for training; keep at least one");
      }
    }
  }

  /** Held-out forms parsed from {@code "hr:pulse-bpm,spo2:o2-sat-percent"} (blank: none). */
  public static Set<String> parse(String list) {
    Set<String> out = new LinkedHashSet<>();
    if (list == null || list.isBlank()) {
      return out;
    }
    for (String k : list.split(",")) {
      out.add(NoteForms.named(k.strip()).key());
    }
    return out;
  }

  /** This policy for the held-out form test split. */
  public FormPolicy heldOutSplit() {
    return new FormPolicy(heldOut, true);
  }

  /** Whether {@code slot} has held-out forms. */
  public boolean holdsOut(String slot) {
    return heldOut.stream().anyMatch(k -> k.startsWith(slot + ":"));
  }

  /** The forms of {@code slot} this split may write. */
  public List<NoteForm> allowed(String slot) {
    List<NoteForm> out = new ArrayList<>();
    boolean only = heldOutOnly && holdsOut(slot);
    for (NoteForm f : NoteForms.of(slot)) {
      if (heldOut.contains(f.key()) == only) {
        out.add(f);
      }
    }
    return out;
  }
}
