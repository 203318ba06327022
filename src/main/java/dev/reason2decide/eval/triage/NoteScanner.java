// Reads a note of either grammar by finding every slot's forms (NoteForms) anywhere in it, whatever the order.
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.synth.Complaint;
import dev.reason2decide.data.synth.ComplaintWords;
import dev.reason2decide.data.synth.MentalStatus;
import dev.reason2decide.data.synth.NoteForm;
import dev.reason2decide.data.synth.NoteForms;
import dev.reason2decide.data.synth.NoteVocabulary;
import dev.reason2decide.words.NumberWords;
import dev.reason2decide.data.synth.Observation;
import dev.reason2decide.data.synth.SlotTemplate;
import dev.reason2decide.data.synth.TriageCase;
import dev.reason2decide.data.synth.TriageGrammar;
import dev.reason2decide.data.synth.VitalParts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reader of {@code NoteParser}. Typos are first corrected ({@link CorrectedText}); then, case-insensitively and
 * each found text masked before the next search: the complaint (any wording of {@link ComplaintWords}), the mental
 * status, history items or a no-history phrase, the onset, and last every form of {@link NoteForms} at once,
 * longest match first (a whole value as digits, "88.0" or words). A note needs its age, sex and one complaint; a
 * slot found twice, or two complaints, make it unreadable (null). A vital sign, pain, mental status or history not
 * found is missing.
 */
final class NoteScanner {
  private static final String B = "(?<![A-Za-z0-9.])";
  /** The end of a reading: no letter or digit after it, nor a decimal ("P = 0.05" is no heart rate of 0). */
  private static final String E = "(?![A-Za-z0-9]|\\.\\d)";
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Map<String, Complaint> COMPLAINTS = new HashMap<>();
  private static final Map<String, String> COMPLAINT_TEXT = new HashMap<>();
  private static final Map<String, MentalStatus> MENTAL = new HashMap<>();
  private static final Map<String, String> HISTORY = new HashMap<>();
  private static final Map<String, String> ONSETS = new HashMap<>();
  private static final Pattern COMPLAINT;
  private static final Pattern MENTAL_PHRASE;
  private static final Pattern HISTORY_ITEM;
  private static final Pattern NO_HISTORY;
  private static final Pattern ONSET;
  private static final List<Reader> READERS;

  /**
   * A form's pattern, and texts (lower case) of which a note must contain one to match: its longest literal text,
   * or for a composed form the alternatives of its first part slot that is never empty (its names, or its units).
   */
  private record Reader(NoteForm form, Pattern pattern, List<String> needles) {
    boolean mayMatch(String lower) {
      for (String n : needles) {
        if (lower.contains(n)) {
          return true;
        }
      }
      return false;
    }
  }

  /** A form found: where, and each value slot's text and original-text span. */
  private record Hit(NoteForm form, int start, int end, Map<String, String> values, Map<String, ParsedNote.Span> at) {}

  static {
    for (Complaint c : TriageGrammar.complaints()) {
      for (String w : ComplaintWords.all(c)) {
        COMPLAINTS.put(w.toLowerCase(Locale.ROOT), c);
        COMPLAINT_TEXT.put(w.toLowerCase(Locale.ROOT), w);
      }
    }
    for (MentalStatus m : MentalStatus.values()) {
      NoteVocabulary.mental(m).forEach(w -> MENTAL.put(w.toLowerCase(Locale.ROOT), m));
    }
    NoteVocabulary.HISTORY_WORDS.forEach((item, ws) -> ws.forEach(w -> HISTORY.put(w.toLowerCase(Locale.ROOT), item)));
    NoteVocabulary.onsets().forEach(o -> ONSETS.put(o.toLowerCase(Locale.ROOT), o));
    COMPLAINT = phrases(COMPLAINT_TEXT.values().stream().toList());
    MENTAL_PHRASE = phrases(MENTAL.keySet().stream().toList());
    HISTORY_ITEM = phrases(HISTORY.keySet().stream().toList());
    NO_HISTORY = phrases(NoteVocabulary.NO_HISTORY);
    ONSET = phrases(NoteVocabulary.onsets());
    Map<String, String> p = new HashMap<>();
    // a whole value (blood pressure too) as digits, with a zero decimal ("88.0") or in words ("ninety-four"); the
    // age as digits
    p.put("v", "(?:\\d{1,3}(?:\\.0)?|" + NumberWords.REGEX + ")");
    p.put("age", "\\d{1,3}");
    p.put("sbp", "(?:\\d{2,3}(?:\\.0)?|" + NumberWords.REGEX + ")");
    p.put("dbp", "(?:\\d{2,3}(?:\\.0)?|" + NumberWords.REGEX + ")");
    p.put("t", "\\d{2,3}(?:\\.\\d)?");
    p.put("f", "\\d{2,3}(?:\\.\\d)?");
    List<String> sexes = new ArrayList<>(NoteVocabulary.FEMALE.subList(0, 3));
    sexes.addAll(NoteVocabulary.MALE.subList(0, 3));
    p.put("sex", SlotTemplate.anyOf(sexes));
    p.put("sexLetter", "[FM]");
    VitalParts.PARTS.forEach((part, texts) -> p.put(part, SlotTemplate.anyOf(texts)));
    List<Reader> readers = new ArrayList<>();
    for (String slot : List.of("intro", "hr", "bp", "rr", "spo2", "temp", "pain")) {
      for (NoteForm f : NoteForms.of(slot)) {
        String literal = "";
        for (String part : f.template().text().split("\\{[A-Za-z][A-Za-z0-9]*}")) {
          literal = part.length() > literal.length() ? part : literal;
        }
        List<String> needles = List.of(literal.toLowerCase(Locale.ROOT));
        for (String part : f.template().slots()) {
          List<String> texts = VitalParts.PARTS.get(part);
          if (texts != null && texts.stream().noneMatch(String::isBlank)) {
            needles = texts.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).distinct().toList();
            break;
          }
        }
        readers.add(new Reader(f, Pattern.compile(B + f.template().reader(p).pattern() + E, FLAGS), needles));
      }
    }
    READERS = List.copyOf(readers);
  }

  private NoteScanner() {}

  /** The note read back, or null when it lacks an age, a sex or one complaint, or has a slot twice. */
  static ParsedNote scan(String text, int grammar) {
    CorrectedText ct = CorrectedText.of(text);
    char[] masked = ct.text.toCharArray();
    Map<String, ParsedNote.Span> spans = new LinkedHashMap<>();
    EnumSet<Observation> missing = EnumSet.noneOf(Observation.class);
    List<java.util.regex.MatchResult> complaints = all(COMPLAINT, masked);
    if (complaints.isEmpty() || complaints.stream().map(m -> COMPLAINTS.get(low(m.group()))).distinct().count() > 1) {
      return null;
    }
    String complaintKey = low(complaints.get(0).group());
    spans.put("complaint", span(ct, complaints.get(0)));
    List<java.util.regex.MatchResult> mental = all(MENTAL_PHRASE, masked);
    if (mental.stream().map(m -> MENTAL.get(low(m.group()))).distinct().count() > 1) {
      return null;
    }
    MentalStatus status = MentalStatus.ALERT;
    if (mental.isEmpty()) {
      missing.add(Observation.MENTAL_STATUS);
    } else {
      status = MENTAL.get(low(mental.get(0).group()));
      spans.put("mental", span(ct, mental.get(0)));
    }
    List<String> history = new ArrayList<>();
    for (java.util.regex.MatchResult m : all(HISTORY_ITEM, masked)) {
      String item = HISTORY.get(low(m.group()));
      if (!history.contains(item)) {
        spans.put("history." + history.size(), span(ct, m));
        history.add(item);
      }
    }
    List<java.util.regex.MatchResult> none = all(NO_HISTORY, masked);
    if (!none.isEmpty()) {
      spans.put("history.none", span(ct, none.get(0)));
    } else if (history.isEmpty()) {
      missing.add(Observation.HISTORY);
    }
    List<java.util.regex.MatchResult> onsets = all(ONSET, masked);
    String onset = onsets.isEmpty() ? "" : ONSETS.get(low(onsets.get(0).group()));
    Map<String, String> values = new HashMap<>();
    Map<String, String> forms = new HashMap<>();
    if (!forms(ct, masked, values, forms, spans)) {
      return null;
    }
    if (!values.containsKey("age") || !(values.containsKey("sex") || values.containsKey("sexLetter"))) {
      return null;
    }
    boolean female = values.containsKey("sexLetter") ? values.get("sexLetter").equalsIgnoreCase("F")
        : NoteVocabulary.FEMALE.stream().anyMatch(w -> w.equalsIgnoreCase(values.get("sex")));
    int hr = number(values, "v@hr", Observation.HEART_RATE, missing);
    int sbp = number(values, "sbp", Observation.SYSTOLIC, missing);
    int dbp = number(values, "dbp", Observation.DIASTOLIC, missing);
    int rr = number(values, "v@rr", Observation.RESPIRATORY_RATE, missing);
    int spo2 = number(values, "v@spo2", Observation.SPO2, missing);
    int pain = number(values, "v@pain", Observation.PAIN, missing);
    double temp = 0.0;
    if (values.containsKey("t")) {
      temp = Double.parseDouble(values.get("t"));
    } else if (values.containsKey("f")) {
      temp = Math.round((Double.parseDouble(values.get("f")) - 32) * 5 / 9 * 10) / 10.0;
    } else {
      missing.add(Observation.TEMPERATURE);
    }
    boolean anticoagulated = history.stream().anyMatch(TriageGrammar.ANTICOAGULANTS::contains);
    TriageCase c = new TriageCase(Integer.parseInt(values.get("age")), female, COMPLAINTS.get(complaintKey),
        COMPLAINT_TEXT.get(complaintKey), onset, hr, sbp, dbp, rr, spo2, temp, status, pain, history,
        anticoagulated, false, missing);
    return new ParsedNote(text, grammar, spans, forms, c);
  }

  /**
   * The findings {@code text} records, read as {@link #scan} reads them but from any text (no age, sex or complaint
   * needed; a slot found twice counts as recorded).
   */
  static java.util.Set<Fact> recorded(String text) {
    CorrectedText ct = CorrectedText.of(text);
    char[] masked = ct.text.toCharArray();
    java.util.Set<Fact> out = EnumSet.noneOf(Fact.class);
    if (!all(COMPLAINT, masked).isEmpty()) {
      out.add(Fact.COMPLAINT);
    }
    if (!all(MENTAL_PHRASE, masked).isEmpty()) {
      out.add(Fact.MENTAL_STATUS);
    }
    if (!all(HISTORY_ITEM, masked).isEmpty() | !all(NO_HISTORY, masked).isEmpty()) {
      out.add(Fact.ANTICOAGULANT);
    }
    all(ONSET, masked);
    String s = new String(masked);
    for (Reader r : READERS) {
      Matcher m = r.pattern().matcher(s);
      while (m.find()) {
        List<String> slots = r.form().template().slots();
        switch (r.form().slot()) {
          case "intro" -> out.add(Fact.AGE);
          case "hr" -> add(out, slots, Fact.HEART_RATE);
          case "rr" -> add(out, slots, Fact.RESPIRATORY_RATE);
          case "spo2" -> add(out, slots, Fact.SPO2);
          case "pain" -> add(out, slots, Fact.PAIN);
          case "bp" -> {
            add(out, slots.contains("sbp") ? slots : List.of(), Fact.SYSTOLIC);
            add(out, slots.contains("dbp") ? slots : List.of(), Fact.DIASTOLIC);
          }
          default -> { } // temperature: no fact cites it
        }
      }
    }
    return out;
  }

  private static void add(java.util.Set<Fact> out, List<String> slots, Fact f) {
    if (!slots.isEmpty()) {
      out.add(f); // a form stating the finding missing ("pain not assessed") records nothing
    }
  }

  private static int number(Map<String, String> values, String key, Observation o, EnumSet<Observation> missing) {
    String v = values.get(key);
    if (v == null) {
      missing.add(o);
      return 0;
    }
    return Character.isDigit(v.charAt(0)) ? Integer.parseInt(v.replaceFirst("\\.0$", "")) : NumberWords.value(v);
  }

  /** Every form at once, longest first; false when a slot is found twice. */
  private static boolean forms(CorrectedText ct, char[] masked, Map<String, String> values, Map<String, String> forms,
      Map<String, ParsedNote.Span> spans) {
    List<Hit> hits = new ArrayList<>();
    String s = new String(masked);
    String lower = s.toLowerCase(Locale.ROOT);
    for (Reader r : READERS) {
      if (!r.mayMatch(lower)) {
        continue;
      }
      Matcher m = r.pattern().matcher(s);
      while (m.find()) {
        Map<String, String> v = new HashMap<>();
        Map<String, ParsedNote.Span> at = new HashMap<>();
        for (String slot : r.form().template().slots()) {
          v.put(slot, m.group(slot));
          at.put(slot, new ParsedNote.Span(ct.original(m.start(slot)), ct.original(m.end(slot))));
        }
        hits.add(new Hit(r.form(), m.start(), m.end(), v, at));
      }
    }
    hits.sort((a, b) -> a.end() - a.start() != b.end() - b.start() ? (b.end() - b.start()) - (a.end() - a.start())
        : Integer.compare(a.start(), b.start()));
    boolean[] taken = new boolean[s.length()];
    for (Hit h : hits) {
      boolean free = true;
      for (int i = h.start(); i < h.end() && free; i++) {
        free = !taken[i];
      }
      if (!free) {
        continue;
      }
      String slot = h.form().slot();
      if (forms.containsKey(slot)) {
        return false;
      }
      for (int i = h.start(); i < h.end(); i++) {
        taken[i] = true;
      }
      forms.put(slot, h.form().name());
      for (String v : h.form().template().slots()) {
        if (VitalParts.isPart(v)) {
          continue; // a name, separator or unit: read, not a value
        }
        String key = v.equals("v") ? "v@" + slot : v;
        values.put(key, h.values().get(v));
        if (!v.equals("sex") && !v.equals("sexLetter") && !v.equals("age")) {
          spans.put(v.equals("v") ? slot : v, h.at().get(v));
        }
      }
    }
    return true;
  }

  /** Every match of {@code p} (left to right, not overlapping), then all of them masked. */
  private static List<java.util.regex.MatchResult> all(Pattern p, char[] masked) {
    List<java.util.regex.MatchResult> out = new ArrayList<>();
    Matcher m = p.matcher(new String(masked));
    while (m.find()) {
      out.add(m.toMatchResult());
    }
    for (java.util.regex.MatchResult r : out) {
      for (int i = r.start(); i < r.end(); i++) {
        masked[i] = '\u0001';
      }
    }
    return out;
  }

  private static ParsedNote.Span span(CorrectedText ct, java.util.regex.MatchResult m) {
    return new ParsedNote.Span(ct.original(m.start()), ct.original(m.end()));
  }

  private static Pattern phrases(List<String> texts) {
    return Pattern.compile(B + SlotTemplate.anyOf(texts) + E, FLAGS);
  }

  private static String low(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
