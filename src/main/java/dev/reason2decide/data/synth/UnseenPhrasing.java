// Note templates whose vital-sign names and units the generator never writes ("O2 sat 94 percent", "BP 90 over 65").
package dev.reason2decide.data.synth;

import java.util.List;

/**
 * The shift suite's "unseen names" rewrite: the same facts, the complaint, mental-status and history phrasings of
 * the generator, but every vital sign and the pain score named and unit-ed in a way no {@link TriageGrammar#NOTES}
 * template does. A test keeps each {@code name {slot} unit} phrase out of the generator's templates, so a wider
 * training grammar that starts writing one of them shows up there.
 */
final class UnseenPhrasing {
  /** The templates; slots as in {@link TriageGrammar#NOTES}. */
  static final List<SlotTemplate> NOTES = List.of(
      new SlotTemplate("{age} y/o {sex} presenting with {complaint}, onset {onset}. Pulse of {hr}, BP {sbp} over "
          + "{dbp}, breathing {rr} times a minute, O2 sat {spo2} percent, {temp} degrees Celsius. {mental}. Pain rated "
          + "{pain} out of 10. Past history: {history}."),
      new SlotTemplate("{sex}, aged {age}, seen for {complaint} ({onset}). Heart beating at {hr} per minute, arterial "
          + "pressure {sbp} on {dbp}, respirations at {rr} per minute, oxygen {spo2} percent on air, core temperature "
          + "of {temp}. {mental}. Self-reported pain level {pain} out of ten. Known conditions: {history}."),
      new SlotTemplate("CC: {complaint} ({onset}); patient {age}{sexLetter}. Apical rate {hr} beats/min | NIBP "
          + "{sbp} by {dbp} | ventilation {rr} breaths/min | pulse oximetry {spo2} pct | tympanic {temp}. {mental}. "
          + "VAS {pain} of 10. PMHx: {history}."));

  private UnseenPhrasing() {}
}
