// One way a triage note writes one slot: its name (for held-out forms) and the text with {value} slots.
package dev.reason2decide.data.synth;

/**
 * A form of a note slot, e.g. slot {@code hr}, form {@code pulse-bpm}, text {@code "pulse {v} bpm"}. A form with no
 * value slot in a vital-sign slot states the finding is missing ("pain not assessed").
 *
 * @param slot the slot it writes ({@link NoteForms#SLOTS})
 * @param name short name, unique within the slot
 * @param template the text
 */
public record NoteForm(String slot, String name, SlotTemplate template) {
  public NoteForm {
    if (!name.matches("[a-z0-9]+(?:-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("form name must be lower-case words joined by '-': " + name);
    }
  }

  /** {@code slot:name}, how held-out forms are named on the command line. */
  public String key() {
    return slot + ":" + name;
  }

  /** Whether this form says the finding is missing instead of giving a value. */
  public boolean statesAbsent() {
    return template.slots().isEmpty();
  }
}
