// Reads a synthetic triage rationale back with the generator's own rationale templates (TriageGrammar).
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.synth.Complaint;
import dev.reason2decide.data.synth.SlotTemplate;
import dev.reason2decide.data.synth.TriageGrammar;
import dev.reason2decide.data.synth.TriageRules.Kind;
import dev.reason2decide.eval.triage.ParsedRationale.Reason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses rationales in the grammar of {@code SynthTriage}: a level-1 or level-2 sentence listing deciding findings,
 * or a "stable" sentence followed by a resource sentence. The level is read from the text (a model may write a
 * level-2 sentence ending in ESI-3), and every value is read as written, so wrong values and wrong levels parse and
 * the checks catch them. Text outside the grammar gives null.
 */
public final class RationaleParser {
  private static final List<Candidate> FINDING_SENTENCES = findingSentences();
  private static final List<Candidate> RESOURCE_SENTENCES = resourceSentences();
  private static final Map<Kind, List<Pattern>> FINDING_READERS = findingReaders(false);
  private static final Map<Kind, List<Pattern>> CAPITALISED_READERS = findingReaders(true);
  private static final Pattern RESOURCE = Pattern.compile(SlotTemplate.anyOf(TriageGrammar.resourceNames()));
  private static final List<Pattern> VITAL_READERS = vitalReaders();

  private RationaleParser() {}

  private record Candidate(String name, SlotTemplate template, Pattern reader) {}

  /** What the rationale says, or null when it is not in the generator's grammar. */
  public static ParsedRationale parse(String rationale) {
    if (rationale == null) {
      return null;
    }
    String text = rationale.strip();
    for (Candidate c : FINDING_SENTENCES) {
      Map<String, String> s = c.template().read(c.reader(), text);
      if (s == null) {
        continue;
      }
      boolean capital = s.containsKey("Findings");
      boolean[] later = {Integer.parseInt(c.name().substring(c.name().indexOf('.') + 1)) >= TriageGrammar.GRAMMAR1_LEVEL};
      List<Reason> reasons = new ArrayList<>();
      if (listFrom(capital ? s.get("Findings") : s.get("findings"), 0, capital, reasons, later)) {
        return new ParsedRationale(c.name(), level(s), reasons, null, false, List.of(), null, cite(reasons),
            later[0] ? 2 : 1);
      }
    }
    for (Candidate c : RESOURCE_SENTENCES) {
      Map<String, String> s = c.template().read(c.reader(), text);
      if (s != null) {
        ParsedRationale r = byResources(c.name(), s);
        if (r != null) {
          return r;
        }
      }
    }
    return null;
  }

  private static int level(Map<String, String> s) {
    int level = Integer.parseInt(s.get("level"));
    String again = s.get("levelNumber");
    return again != null && Integer.parseInt(again) != level ? 0 : level;
  }

  private static ParsedRationale byResources(String name, Map<String, String> s) {
    List<CitedFinding> cited = new ArrayList<>();
    int stable = Integer.parseInt(name.substring("stable.".length(), name.indexOf('+')));
    if (TriageGrammar.STABLE_SAYS_ALERT.contains(stable)) {
      cited.add(new CitedFinding(Fact.MENTAL_STATUS, "alert"));
    }
    if (s.containsKey("vitals")) {
      s = new HashMap<>(s);
      if (!vitals(s.get("vitals"), s)) {
        return null;
      }
    }
    addNumber(cited, Fact.HEART_RATE, s.get("hr"));
    addNumber(cited, Fact.SYSTOLIC, s.get("sbp"));
    addNumber(cited, Fact.DIASTOLIC, s.get("dbp"));
    addNumber(cited, Fact.RESPIRATORY_RATE, s.get("rr"));
    addNumber(cited, Fact.SPO2, s.get("spo2"));
    addNumber(cited, Fact.PAIN, s.get("pain"));
    String complaint = s.get("What").toLowerCase(Locale.ROOT);
    cited.add(new CitedFinding(Fact.COMPLAINT, complaint));
    boolean anticoagulant = !s.get("anticoagulant").isEmpty();
    if (anticoagulant) {
      cited.add(new CitedFinding(Fact.ANTICOAGULANT, "yes"));
    }
    List<String> resources = new ArrayList<>();
    String listed = s.get("resources");
    if (listed != null) {
      Matcher m = RESOURCE.matcher(listed);
      while (m.find()) {
        resources.add(m.group());
      }
    }
    Integer count = s.get("count") != null ? Integer.valueOf(Math.min(Integer.parseInt(s.get("count")), 99))
        : name.contains("resources4") ? Integer.valueOf(1) : name.contains("resources5") ? Integer.valueOf(0) : null;
    boolean later = stable >= TriageGrammar.GRAMMAR1_STABLE || name.endsWith(".g2");
    return new ParsedRationale(name, level(s), List.of(), complaint, anticoagulant, resources, count, cited,
        later ? 2 : 1);
  }

  /** Reads a {@code {vitals}} list ("HR 80, BP 120/80 and sats 97%") into {@code s}; false when it is not one. */
  private static boolean vitals(String list, Map<String, String> s) {
    for (String item : list.split(", | and ", -1)) {
      boolean read = false;
      for (Pattern p : VITAL_READERS) {
        Matcher m = p.matcher(item);
        if (m.matches()) {
          for (String slot : List.of("hr", "sbp", "dbp", "rr", "spo2", "pain")) {
            if (p.pattern().contains("(?<" + slot + ">")) {
              if (s.containsKey(slot)) {
                return false; // one finding cited twice
              }
              s.put(slot, m.group(slot));
            }
          }
          read = true;
          break;
        }
      }
      if (!read) {
        return false;
      }
    }
    return true;
  }

  private static void addNumber(List<CitedFinding> cited, Fact fact, String value) {
    if (value != null) {
      cited.add(new CitedFinding(fact, value));
    }
  }

  /** The findings of a list "a", "a and b", "a, b and c"; null when the text is not such a list. */
  static List<Reason> reasons(String text, boolean capitalised) {
    List<Reason> out = new ArrayList<>();
    if (listFrom(text, 0, capitalised, out, new boolean[1])) {
      return out;
    }
    return null;
  }

  /**
   * Backtracking over the finding wordings (some contain ", "), first item possibly capitalised; {@code later[0]}
   * becomes true when a wording of grammar 2 is used.
   */
  private static boolean listFrom(String text, int pos, boolean capitalised, List<Reason> out, boolean[] later) {
    Map<Kind, List<Pattern>> readers = pos == 0 && capitalised ? CAPITALISED_READERS : FINDING_READERS;
    for (Map.Entry<Kind, List<Pattern>> e : readers.entrySet()) {
      for (int w = 0; w < e.getValue().size(); w++) {
        Pattern p = e.getValue().get(w);
        Matcher m = p.matcher(text).region(pos, text.length());
        if (!m.lookingAt()) {
          continue;
        }
        int end = m.end();
        Reason r = reason(e.getKey(), m);
        if (r == null) {
          continue;
        }
        out.add(r);
        boolean wasLater = later[0];
        later[0] |= w >= TriageGrammar.grammar1Wordings(e.getKey());
        if (end == text.length()) {
          return true;
        }
        for (String sep : List.of(", ", " and ")) {
          if (text.startsWith(sep, end) && listFrom(text, end + sep.length(), false, out, later)) {
            return true;
          }
        }
        later[0] = wasLater;
        out.remove(out.size() - 1);
      }
    }
    return false;
  }

  private static Reason reason(Kind kind, Matcher m) {
    if (kind == Kind.HIGH_RISK_COMPLAINT) {
      Complaint c = TriageGrammar.complaintNamed(m.group("complaint"));
      return c == null ? null : new Reason(kind, 0, c.name().toLowerCase(Locale.ROOT), m.group("reason"));
    }
    int v = 0;
    if (m.pattern().pattern().contains("(?<v>")) {
      String digits = m.group("v");
      v = digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
    return new Reason(kind, v, null, null);
  }

  private static List<CitedFinding> cite(List<Reason> reasons) {
    List<CitedFinding> out = new ArrayList<>();
    for (Reason r : reasons) {
      String v = String.valueOf(r.value());
      switch (r.kind()) {
        case UNRESPONSIVE -> out.add(new CitedFinding(Fact.MENTAL_STATUS, "unresponsive"));
        case CONFUSION -> out.add(new CitedFinding(Fact.MENTAL_STATUS, "confused"));
        case HIGH_RISK_COMPLAINT -> out.add(new CitedFinding(Fact.COMPLAINT, r.complaint()));
        case CRITICAL_SPO2, LOW_SPO2 -> out.add(new CitedFinding(Fact.SPO2, v));
        case CRITICAL_SYSTOLIC, LOW_SYSTOLIC -> out.add(new CitedFinding(Fact.SYSTOLIC, v));
        case CRITICAL_HEART_RATE, TACHYCARDIA -> out.add(new CitedFinding(Fact.HEART_RATE, v));
        case TACHYPNOEA -> out.add(new CitedFinding(Fact.RESPIRATORY_RATE, v));
        case SEVERE_PAIN -> out.add(new CitedFinding(Fact.PAIN, v));
        default -> throw new IllegalStateException("unhandled finding " + r.kind());
      }
    }
    return out;
  }

  private static List<Candidate> findingSentences() {
    Map<String, String> p = new HashMap<>();
    p.put("Findings", ".+");
    p.put("findings", ".+");
    p.put("level", "[1-5]");
    p.put("levelNumber", "[1-5]");
    List<String> verbs = new ArrayList<>(TriageGrammar.LEVEL1_VERB);
    verbs.addAll(TriageGrammar.LEVEL2_VERB);
    p.put("verb", SlotTemplate.anyOf(verbs));
    p.put("findingsAre", SlotTemplate.anyOf(TriageGrammar.LEVEL2_FINDINGS_ARE));
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < TriageGrammar.LEVEL1.size(); i++) {
      out.add(new Candidate("level1." + i, TriageGrammar.LEVEL1.get(i), TriageGrammar.LEVEL1.get(i).reader(p)));
    }
    for (int i = 0; i < TriageGrammar.LEVEL2.size(); i++) {
      out.add(new Candidate("level2." + i, TriageGrammar.LEVEL2.get(i), TriageGrammar.LEVEL2.get(i).reader(p)));
    }
    return List.copyOf(out);
  }

  private static List<Candidate> resourceSentences() {
    Map<String, String> p = new HashMap<>();
    for (String n : List.of("hr", "rr", "spo2", "sbp", "dbp", "pain", "count")) {
      p.put(n, "\\d{1,4}");
    }
    p.put("level", "[1-5]");
    p.put("What", SlotTemplate.anyOf(TriageGrammar.complaints().stream()
        .map(c -> TriageGrammar.capitalise(c.name())).toList()));
    p.put("anticoagulant", "(?:" + Pattern.quote(TriageGrammar.ON_ANTICOAGULANT) + ")?");
    String r = SlotTemplate.anyOf(TriageGrammar.resourceNames());
    p.put("resources", r + "(?:, " + r + ")*(?: and " + r + ")?");
    p.put("vitals", "[^()]+?");
    List<Candidate> out = new ArrayList<>();
    for (int s = 0; s < TriageGrammar.STABLE.size(); s++) {
      for (int l = 0; l < TriageGrammar.RESOURCES.size(); l++) {
        List<SlotTemplate> level = TriageGrammar.RESOURCES.get(l);
        int n = l % TriageGrammar.GRAMMAR1_RESOURCES + 3;
        for (int i = 0; i < level.size(); i++) {
          SlotTemplate t = new SlotTemplate(TriageGrammar.STABLE.get(s).text() + " " + level.get(i).text());
          String suffix = l >= TriageGrammar.GRAMMAR1_RESOURCES ? ".g2" : "";
          out.add(new Candidate("stable." + s + "+resources" + n + "." + i + suffix, t, t.reader(p)));
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<Pattern> vitalReaders() {
    Map<String, String> p = new HashMap<>();
    for (String n : List.of("hr", "rr", "spo2", "sbp", "dbp", "pain")) {
      p.put(n, "\\d{1,4}");
    }
    List<Pattern> out = new ArrayList<>();
    TriageGrammar.VITAL_CITATIONS.values().forEach(ts -> ts.forEach(t -> out.add(t.reader(p))));
    return List.copyOf(out);
  }

  private static Map<Kind, List<Pattern>> findingReaders(boolean capitalised) {
    Map<String, String> p = new HashMap<>();
    p.put("v", "\\d{1,4}");
    p.put("complaint", SlotTemplate.anyOf(TriageGrammar.complaints().stream()
        .map(c -> capitalised ? TriageGrammar.capitalise(c.name()) : c.name()).toList()));
    p.put("reason", SlotTemplate.anyOf(Complaint.HIGH_RISK.stream().map(Complaint::riskReason).toList()));
    Map<Kind, List<Pattern>> out = new EnumMap<>(Kind.class);
    for (Map.Entry<Kind, List<SlotTemplate>> e : TriageGrammar.FINDINGS.entrySet()) {
      List<Pattern> ps = new ArrayList<>();
      for (SlotTemplate t : e.getValue()) {
        ps.add((capitalised ? new SlotTemplate(TriageGrammar.capitalise(t.text())) : t).reader(p));
      }
      out.put(e.getKey(), List.copyOf(ps));
    }
    return out;
  }
}
