// Reads a synthetic triage rationale back with the generator's own rationale templates (TriageGrammar).
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.synth.Complaint;
import dev.reason2decide.data.synth.TriageGrammar;
import dev.reason2decide.data.synth.TriageRules.Kind;
import dev.reason2decide.eval.triage.ParsedRationale.Reason;
import dev.reason2decide.eval.triage.RationaleReaders.Candidate;
import dev.reason2decide.eval.triage.RationaleReaders.Reading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses rationales in the grammar of {@code SynthTriage}, in the wording of any rationale source (rules, nurse,
 * LLM; {@link RationaleReaders}): a level-1 or level-2 sentence listing deciding findings (an LLM's may restate
 * vital signs, which are cited but are not reasons), or a "stable" sentence followed by a resource sentence. The level is read from the text (a model may write a
 * level-2 sentence ending in ESI-3), and every value is read as written, so wrong values and wrong levels parse and
 * the checks catch them. Text outside the grammar gives null.
 *
 * <p>Any letter case: the text is read first as the templates write it, and only when that fails, with the same
 * templates in the same order ignoring case (a case-folding model writes "esi-2 (high risk) for heart rate 135
 * (above 100)."); names read that way (resources, a complaint's risk reason) are given in the grammar's spelling.
 * No two wordings of the grammar differ only in case, so a text the cased reading parses is read exactly as before,
 * and one it does not is read as its cased form would be.
 */
public final class RationaleParser {
  private static final Reading CASED = Reading.CASED;
  private static final Reading ANY_CASE = Reading.ANY_CASE;
  /** How {@link TriageGrammar#join} separates list items ("a, b and c"); " AND " in an upper-cased text. */
  private static final Pattern ITEM_SEPARATOR = Pattern.compile(", | and ");
  private static final Pattern ANY_CASE_ITEM_SEPARATOR = RationaleReaders.anyCase(ITEM_SEPARATOR);

  private RationaleParser() {}

  /** What the rationale says, or null when it is not in the generator's grammar (in any letter case). */
  public static ParsedRationale parse(String rationale) {
    if (rationale == null) {
      return null;
    }
    String text = rationale.strip();
    ParsedRationale cased = parse(text, CASED);
    return cased != null ? cased : parse(text, ANY_CASE);
  }

  private static ParsedRationale parse(String text, Reading g) {
    for (Candidate c : g.findingSentences()) {
      Map<String, String> s = c.template().read(c.reader(), text);
      if (s == null) {
        continue;
      }
      boolean capital = s.containsKey("Findings");
      boolean[] later = {c.source() != null
          || Integer.parseInt(c.local().substring(c.local().indexOf('.') + 1)) >= TriageGrammar.GRAMMAR1_LEVEL};
      List<Reason> reasons = new ArrayList<>();
      if (listFrom(g, capital ? s.get("Findings") : s.get("findings"), 0, capital, reasons, later)) {
        List<CitedFinding> cited = cite(reasons);
        if (s.containsKey("vitals")) { // a restated list: cited, not given as reasons
          Map<String, String> restated = new HashMap<>();
          if (!vitals(g, s.get("vitals"), restated)) {
            continue;
          }
          addVitals(cited, restated);
        }
        return new ParsedRationale(c.name(), level(s), reasons, null, false, List.of(), null, cited,
            later[0] ? 2 : 1);
      }
    }
    for (Candidate c : g.resourceSentences()) {
      Map<String, String> s = c.template().read(c.reader(), text);
      if (s != null) {
        ParsedRationale r = byResources(g, c, s);
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

  private static ParsedRationale byResources(Reading g, Candidate c, Map<String, String> s) {
    List<CitedFinding> cited = new ArrayList<>();
    String local = c.local();
    int stable = Integer.parseInt(local.substring("stable.".length(), local.indexOf('+')));
    if ((c.source() == null ? TriageGrammar.STABLE_SAYS_ALERT : c.source().stableSaysAlert()).contains(stable)) {
      cited.add(new CitedFinding(Fact.MENTAL_STATUS, "alert"));
    }
    if (s.containsKey("vitals")) {
      s = new HashMap<>(s);
      if (!vitals(g, s.get("vitals"), s)) {
        return null;
      }
    }
    List<Reason> reasons = new ArrayList<>();
    if (s.containsKey("findings")) { // a finding given as the reason for level 3 to 5 (RuleCheck rejects it)
      if (!listFrom(g, s.get("findings"), 0, false, reasons, new boolean[1])) {
        return null;
      }
      cited.addAll(cite(reasons));
    }
    addVitals(cited, s);
    String complaint = s.get("What").toLowerCase(Locale.ROOT);
    cited.add(new CitedFinding(Fact.COMPLAINT, complaint));
    boolean anticoagulant = !s.get("anticoagulant").isEmpty();
    if (anticoagulant) {
      cited.add(new CitedFinding(Fact.ANTICOAGULANT, "yes"));
    }
    List<String> resources = new ArrayList<>();
    String listed = s.get("resources");
    if (listed != null) {
      Matcher m = g.resource().matcher(listed);
      while (m.find()) {
        resources.add(g.anyCase() ? spelled(TriageGrammar.resourceNames(), m.group()) : m.group());
      }
    }
    boolean rules = c.source() == null; // the rules' level-4 and 5 sentences state their count in words
    Integer count = s.get("count") != null ? Integer.valueOf(Math.min(Integer.parseInt(s.get("count")), 99))
        : rules && local.contains("resources4") ? Integer.valueOf(1)
        : rules && local.contains("resources5") ? Integer.valueOf(0) : null;
    boolean later = !rules || stable >= TriageGrammar.GRAMMAR1_STABLE || local.endsWith(".g2");
    return new ParsedRationale(c.name(), level(s), reasons, complaint, anticoagulant, resources, count, cited,
        later ? 2 : 1);
  }

  /** Reads a {@code {vitals}} list ("HR 80, BP 120/80 and sats 97%") into {@code s}; false when it is not one. */
  private static boolean vitals(Reading g, String list, Map<String, String> s) {
    for (String item : (g.anyCase() ? ANY_CASE_ITEM_SEPARATOR : ITEM_SEPARATOR).split(list, -1)) {
      boolean read = false;
      for (Pattern p : g.vitals()) {
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

  /** The numbers of {@code s} (slots hr, sbp, dbp, rr, spo2, pain) as cited findings, in that order. */
  private static void addVitals(List<CitedFinding> cited, Map<String, String> s) {
    addNumber(cited, Fact.HEART_RATE, s.get("hr"));
    addNumber(cited, Fact.SYSTOLIC, s.get("sbp"));
    addNumber(cited, Fact.DIASTOLIC, s.get("dbp"));
    addNumber(cited, Fact.RESPIRATORY_RATE, s.get("rr"));
    addNumber(cited, Fact.SPO2, s.get("spo2"));
    addNumber(cited, Fact.PAIN, s.get("pain"));
  }

  private static void addNumber(List<CitedFinding> cited, Fact fact, String value) {
    if (value != null) {
      cited.add(new CitedFinding(fact, value));
    }
  }

  /** The findings of a list "a", "a and b", "a, b and c"; null when the text is not such a list. */
  static List<Reason> reasons(String text, boolean capitalised) {
    List<Reason> out = new ArrayList<>();
    if (listFrom(CASED, text, 0, capitalised, out, new boolean[1])) {
      return out;
    }
    return null;
  }

  /**
   * Backtracking over the finding wordings (some contain ", "), first item possibly capitalised; {@code later[0]}
   * becomes true when a wording of grammar 2 is used.
   */
  private static boolean listFrom(Reading g, String text, int pos, boolean capitalised, List<Reason> out,
      boolean[] later) {
    Map<Kind, List<Pattern>> readers = pos == 0 && capitalised ? g.capitalised() : g.findings();
    for (Map.Entry<Kind, List<Pattern>> e : readers.entrySet()) {
      for (int w = 0; w < e.getValue().size(); w++) {
        Pattern p = e.getValue().get(w);
        Matcher m = p.matcher(text).region(pos, text.length());
        if (!m.lookingAt()) {
          continue;
        }
        int end = m.end();
        Reason r = reason(g, e.getKey(), m);
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
          if (text.regionMatches(g.anyCase(), end, sep, 0, sep.length())
              && listFrom(g, text, end + sep.length(), false, out, later)) {
            return true;
          }
        }
        later[0] = wasLater;
        out.remove(out.size() - 1);
      }
    }
    return false;
  }

  private static Reason reason(Reading g, Kind kind, Matcher m) {
    if (kind == Kind.HIGH_RISK_COMPLAINT) {
      Complaint c = TriageGrammar.complaintNamed(m.group("complaint"));
      String why = m.pattern().pattern().contains("(?<reason>") ? m.group("reason") : null; // a nurse omits it
      if (why != null && g.anyCase()) {
        why = spelled(Complaint.HIGH_RISK.stream().map(Complaint::riskReason).toList(), why);
      }
      return c == null ? null : new Reason(kind, 0, c.name().toLowerCase(Locale.ROOT), why);
    }
    int v = 0;
    if (m.pattern().pattern().contains("(?<v>")) {
      String digits = m.group("v");
      v = digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
    return new Reason(kind, v, null, null);
  }

  /** The grammar's spelling of {@code read}, a name of {@code names} read in any letter case. */
  private static String spelled(List<String> names, String read) {
    for (String n : names) {
      if (n.equalsIgnoreCase(read)) {
        return n;
      }
    }
    throw new IllegalStateException("read a name the grammar does not have: " + read);
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
}
