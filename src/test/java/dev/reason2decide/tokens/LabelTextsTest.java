// A decoded label text names its label: exactly, or as a case-folding tokenizer gives the label back.
package dev.reason2decide.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LabelTextsTest {
  private static final List<String> ESI = List.of("ESI-1", "ESI-2", "ESI-3", "ESI-4", "ESI-5");

  @Test
  void aFoldedTextNamesItsLabelAndOtherTextsNameNone() {
    LabelTexts t = new LabelTexts(ESI, l -> l.toLowerCase(Locale.ROOT));
    assertEquals("ESI-3", t.labelOf("esi-3"));
    assertEquals("ESI-3", t.labelOf("ESI-3"));
    assertNull(t.labelOf("esi-6"));
    assertNull(t.labelOf("Immediate intervention is needed"));
    assertEquals(List.of("ESI-1", "ESI-5", "esi 5", "ESI-2"), t.labelsOf(List.of("esi-1", "ESI-5", "esi 5", "esi-2")));
  }

  @Test
  void aTokenizerThatKeepsLabelsChangesNothingAndLabelsDifferingInCaseKeepToThemselves() {
    LabelTexts kept = new LabelTexts(ESI, l -> l);
    assertNull(kept.labelOf("esi-3"));
    assertEquals("ESI-3", kept.labelOf("ESI-3"));
    LabelTexts both = new LabelTexts(List.of("Yes", "yes", "no"), l -> l.toLowerCase(Locale.ROOT));
    assertEquals("Yes", both.labelOf("Yes"));
    assertEquals("yes", both.labelOf("yes"));
    assertEquals("no", both.labelOf("no"));
    assertNull(both.labelOf("YES"));
  }
}
