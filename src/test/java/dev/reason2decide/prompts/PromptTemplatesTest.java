// Prompt filling: both slots in one pass, so braces inside a label or an input are never filled again.
package dev.reason2decide.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PromptTemplatesTest {
  private final PromptTemplates ref = PromptTemplates.reference();

  @Test
  void referenceStringsAsTheAuthorsFormatThem() {
    assertEquals("predict: chest pain", ref.predict("chest pain"));
    assertEquals("explain: chest pain", ref.explain("chest pain"));
    assertEquals("given label: urgent, explain: chest pain", ref.labelled("urgent", "chest pain"));
  }

  @Test
  void aLabelContainingTheInputSlotIsInsertedAsWritten() {
    // the label was filled first before, and its {x} then received the input
    assertEquals("given label: see {x} below, explain: chest pain", ref.labelled("see {x} below", "chest pain"));
  }

  @Test
  void anInputContainingTheLabelSlotIsInsertedAsWritten() {
    assertEquals("given label: urgent, explain: a {y} b {x} c", ref.labelled("urgent", "a {y} b {x} c"));
    assertEquals("given label: {x}{y}, explain: {y}{x}", ref.labelled("{x}{y}", "{y}{x}"));
    assertEquals("predict: {x} and {y}", ref.predict("{x} and {y}"));
    assertEquals("explain: {x}", ref.explain("{x}"));
  }

  @Test
  void customTemplatesWithRepeatedOrReorderedSlots() {
    PromptTemplates t = new PromptTemplates("Q: {x} / {x}", "why {x}? {y}", "{x} => {y} because");
    assertEquals("Q: a{y} / a{y}", t.predict("a{y}"));
    // {y} is not a slot of the explanation template: it stays
    assertEquals("why in? {y}", t.explain("in"));
    assertEquals("in{y} => lab{x} because", t.labelled("lab{x}", "in{y}"));
    assertEquals("$1 \\ => $2 because", t.labelled("$2", "$1 \\"));
  }

  @Test
  void aTemplateWithoutItsSlotsIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new PromptTemplates("predict:", "explain: {x}", "{y} {x}"));
    assertThrows(IllegalArgumentException.class, () -> new PromptTemplates("p {x}", "e {x}", "given label: {x}"));
  }
}
