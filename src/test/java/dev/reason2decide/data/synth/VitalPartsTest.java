// Composed vital signs: every part is drawn, no draw writes a named form, none writes an unseen-suite phrase.
package dev.reason2decide.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.SeededRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VitalPartsTest {
  private static List<NoteForm> composedForms() {
    List<NoteForm> out = new ArrayList<>();
    NoteForms.FORMS.values().forEach(fs -> fs.stream().filter(VitalParts::composed).forEach(out::add));
    return out;
  }

  /** The texts of {@code slot}'s named forms, lower case. */
  private static Set<String> namedTexts(String slot) {
    Set<String> out = new HashSet<>();
    NoteForms.of(slot).stream().filter(x -> !VitalParts.composed(x))
        .forEach(x -> out.add(x.template().text().toLowerCase(Locale.ROOT)));
    return out;
  }

  @Test
  void everyVitalSlotButNoneElseHasComposedForms() {
    Set<String> slots = new HashSet<>();
    composedForms().forEach(f -> slots.add(f.slot()));
    assertEquals(Set.copyOf(NoteForms.VITAL_SLOTS), slots);
    Set<String> used = new HashSet<>();
    composedForms().forEach(f -> f.template().slots().stream().filter(VitalParts::isPart).forEach(used::add));
    assertEquals(VitalParts.PARTS.keySet(), used, "every part slot is used by some form");
  }

  @Test
  void everyPartIsDrawnAndNoDrawWritesANamedForm() {
    SeededRandom rng = new SeededRandom(5);
    for (NoteForm f : composedForms()) {
      Map<String, Set<String>> seen = new HashMap<>();
      Set<String> named = namedTexts(f.slot());
      for (int i = 0; i < 3000; i++) {
        Map<String, String> v = new LinkedHashMap<>();
        VitalParts.draw(f, v, rng);
        Map<String, String> shape = new LinkedHashMap<>(v);
        for (String s : f.template().slots()) {
          shape.putIfAbsent(s, "{" + s + "}");
          if (VitalParts.isPart(s)) {
            seen.computeIfAbsent(s, k -> new HashSet<>()).add(v.get(s).toLowerCase(Locale.ROOT));
          }
        }
        String text = f.template().render(shape).toLowerCase(Locale.ROOT);
        assertFalse(named.contains(text), f.key() + " wrote the named form " + text);
      }
      seen.forEach((part, drawn) -> {
        for (String p : VitalParts.PARTS.get(part)) {
          assertTrue(drawn.contains(p.toLowerCase(Locale.ROOT)), f.key() + ": " + part + " never drew '" + p + "'");
        }
      });
    }
  }

  /**
   * The shift suite's unseen names stay unseen: no composed text contains a "name {slot} unit" phrase of it (but the
   * two that named forms of grammar 2 already write, "BP {sbp} over {dbp}" and "O2 sat {spo2} percent").
   */
  @Test
  void noComposedTextWritesAnUnseenPhrase() {
    Pattern phrase = Pattern.compile("[^,.;:|(]*\\{(hr|sbp|rr|spo2|pain)}[^,.;|)]*");
    List<String> unseen = new ArrayList<>();
    for (SlotTemplate t : UnseenPhrasing.NOTES) {
      Matcher m = phrase.matcher(t.text());
      while (m.find()) {
        unseen.add(m.group().strip().toLowerCase(Locale.ROOT));
      }
    }
    assertEquals(15, unseen.size());
    Set<String> written = new HashSet<>();
    NoteForms.FORMS.values().forEach(fs -> fs.forEach(f -> written.add(f.template().text().toLowerCase(Locale.ROOT)
        .replace("{v}", "{" + f.slot() + "}"))));
    unseen.removeIf(written::contains);
    assertEquals(13, unseen.size(), "unseen phrases no named form writes: " + unseen);
    int shapes = 0;
    for (NoteForm f : composedForms()) {
      Set<String> named = namedTexts(f.slot());
      for (String s : VitalParts.shapes(f)) {
        String low = s.toLowerCase(Locale.ROOT);
        if (named.contains(low)) {
          continue; // drawn again, never written
        }
        String text = low.replace("{v}", "{" + f.slot() + "}");
        for (String u : unseen) {
          assertFalse(text.contains(u), f.key() + " writes the unseen phrase '" + u + "' as '" + text + "'");
        }
        shapes++;
      }
    }
    assertTrue(shapes > 5000, "composed texts " + shapes);
  }
}
