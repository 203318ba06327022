// The generator's rationale templates of every source compiled into the patterns RationaleParser reads with.
package dev.reason2decide.eval.triage;

import dev.reason2decide.data.synth.Complaint;
import dev.reason2decide.data.synth.RationaleWording;
import dev.reason2decide.data.synth.SlotTemplate;
import dev.reason2decide.data.synth.SourceGrammar;
import dev.reason2decide.data.synth.TriageGrammar;
import dev.reason2decide.data.synth.TriageRules.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Readers built once from {@link TriageGrammar} (the rules) and {@link SourceGrammar} (nurse, LLM): whole
 * sentences, tried in order (rules first), and the wordings of findings and vital signs, the union over sources so
 * that a list is read whichever source's words it uses. Template names: {@code level1.0},
 * {@code stable.1+resources3.0} (rules; {@code .g2} marks grammar 2's resource sentences), {@code nurse:level2.1}.
 */
final class RationaleReaders {
  private RationaleReaders() {}

  /**
   * A whole-rationale template.
   *
   * @param name the template's name (see above)
   * @param source the source's wording, or null for the rules
   */
  record Candidate(String name, RationaleWording source, SlotTemplate template, Pattern reader) {
    /** The name without the source prefix. */
    String local() {
      return name.substring(name.indexOf(':') + 1);
    }

    /** The same template read in any letter case. */
    Candidate anyCase() {
      return new Candidate(name, source, template, RationaleReaders.anyCase(reader));
    }
  }

  /**
   * Every reader {@link RationaleParser} needs, in one letter-case mode: {@link #CASED} reads the templates as
   * written; {@link #ANY_CASE} reads the same templates in any letter case ("esi-2 (high risk) for heart rate
   * 135 ..."), the parser's fallback when the cased reading fails. The two differ only in the patterns' case flag,
   * so both try the same templates in the same order.
   *
   * @param anyCase whether the patterns ignore case (the values read are then mapped to the grammar's spelling)
   * @param capitalised the finding readers for the first item of a {@code {Findings}} list
   * @param resource one resource name
   */
  record Reading(boolean anyCase, List<Candidate> findingSentences, List<Candidate> resourceSentences,
      Map<Kind, List<Pattern>> findings, Map<Kind, List<Pattern>> capitalised, Pattern resource,
      List<Pattern> vitals) {
    static final Reading CASED = new Reading(false, RationaleReaders.findingSentences(),
        RationaleReaders.resourceSentences(), findingReaders(false), findingReaders(true),
        Pattern.compile(SlotTemplate.anyOf(TriageGrammar.resourceNames())), vitalReaders());
    static final Reading ANY_CASE = new Reading(true,
        CASED.findingSentences.stream().map(Candidate::anyCase).toList(),
        CASED.resourceSentences.stream().map(Candidate::anyCase).toList(),
        RationaleReaders.anyCase(CASED.findings), RationaleReaders.anyCase(CASED.capitalised),
        RationaleReaders.anyCase(CASED.resource), CASED.vitals.stream().map(RationaleReaders::anyCase).toList());
  }

  /**
   * {@code p} ignoring letter case. ASCII only: the grammar is ASCII, and Unicode case folding would also let
   * non-ASCII letters stand for ASCII ones (the Kelvin sign for "k").
   */
  static Pattern anyCase(Pattern p) {
    return Pattern.compile(p.pattern(), p.flags() | Pattern.CASE_INSENSITIVE);
  }

  private static Map<Kind, List<Pattern>> anyCase(Map<Kind, List<Pattern>> readers) {
    Map<Kind, List<Pattern>> out = new EnumMap<>(Kind.class);
    readers.forEach((k, ps) -> out.put(k, ps.stream().map(RationaleReaders::anyCase).toList()));
    return out;
  }

  static List<Candidate> findingSentences() {
    Map<String, String> p = new HashMap<>();
    p.put("Findings", ".+");
    p.put("findings", ".+");
    p.put("level", "[1-5]");
    p.put("levelNumber", "[1-5]");
    p.put("vitals", "[^()]+?");
    List<String> verbs = new ArrayList<>(TriageGrammar.LEVEL1_VERB);
    verbs.addAll(TriageGrammar.LEVEL2_VERB);
    p.put("verb", SlotTemplate.anyOf(verbs));
    p.put("findingsAre", SlotTemplate.anyOf(TriageGrammar.LEVEL2_FINDINGS_ARE));
    List<Candidate> out = new ArrayList<>();
    addLevels(out, null, "", TriageGrammar.LEVEL1, TriageGrammar.LEVEL2, p);
    for (RationaleWording w : SourceGrammar.ALL) {
      addLevels(out, w, w.source() + ":", w.level1(), w.level2(), p);
    }
    return List.copyOf(out);
  }

  private static void addLevels(List<Candidate> out, RationaleWording w, String prefix, List<SlotTemplate> level1,
      List<SlotTemplate> level2, Map<String, String> p) {
    for (int i = 0; i < level1.size(); i++) {
      out.add(new Candidate(prefix + "level1." + i, w, level1.get(i), level1.get(i).reader(p)));
    }
    for (int i = 0; i < level2.size(); i++) {
      out.add(new Candidate(prefix + "level2." + i, w, level2.get(i), level2.get(i).reader(p)));
    }
  }

  static List<Candidate> resourceSentences() {
    Map<String, String> p = new HashMap<>();
    for (String n : List.of("hr", "rr", "spo2", "sbp", "dbp", "pain", "count")) {
      p.put(n, "\\d{1,4}");
    }
    p.put("level", "[1-5]");
    p.put("What", SlotTemplate.anyOf(TriageGrammar.complaints().stream()
        .map(c -> TriageGrammar.capitalise(c.name())).toList()));
    List<String> anticoagulant = new ArrayList<>(List.of(TriageGrammar.ON_ANTICOAGULANT));
    SourceGrammar.ALL.forEach(w -> anticoagulant.add(w.onAnticoagulant()));
    p.put("anticoagulant", SlotTemplate.anyOf(anticoagulant) + "?");
    String r = SlotTemplate.anyOf(TriageGrammar.resourceNames());
    p.put("resources", r + "(?:, " + r + ")*(?: and " + r + ")?");
    p.put("vitals", "[^()]+?");
    p.put("findings", ".+");
    List<Candidate> out = new ArrayList<>();
    for (int s = 0; s < TriageGrammar.STABLE.size(); s++) {
      for (int l = 0; l < TriageGrammar.RESOURCES.size(); l++) {
        List<SlotTemplate> level = TriageGrammar.RESOURCES.get(l);
        int n = l % TriageGrammar.GRAMMAR1_RESOURCES + 3;
        for (int i = 0; i < level.size(); i++) {
          SlotTemplate t = new SlotTemplate(TriageGrammar.STABLE.get(s).text() + " " + level.get(i).text());
          String suffix = l >= TriageGrammar.GRAMMAR1_RESOURCES ? ".g2" : "";
          out.add(new Candidate("stable." + s + "+resources" + n + "." + i + suffix, null, t, t.reader(p)));
        }
      }
    }
    for (RationaleWording w : SourceGrammar.ALL) {
      for (int s = 0; s < w.stable().size(); s++) {
        for (int l = 0; l < w.resources().size(); l++) {
          for (int i = 0; i < w.resources().get(l).size(); i++) {
            SlotTemplate t = new SlotTemplate(w.stable().get(s).text() + " " + w.resources().get(l).get(i).text());
            out.add(new Candidate(w.source() + ":stable." + s + "+resources" + (l + 3) + "." + i, w, t,
                t.reader(p)));
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /** Every wording of a cited vital sign, each source's. */
  static List<Pattern> vitalReaders() {
    Map<String, String> p = new HashMap<>();
    for (String n : List.of("hr", "rr", "spo2", "sbp", "dbp", "pain")) {
      p.put(n, "\\d{1,4}");
    }
    List<Pattern> out = new ArrayList<>();
    TriageGrammar.VITAL_CITATIONS.values().forEach(ts -> ts.forEach(t -> out.add(t.reader(p))));
    for (RationaleWording w : SourceGrammar.ALL) {
      w.vitalCitations().values().forEach(ts -> ts.forEach(t -> out.add(t.reader(p))));
    }
    return List.copyOf(out);
  }

  /**
   * Every wording of each finding: the rules' first (grammar 1's, then grammar 2's), then each source's, so an index
   * past {@link TriageGrammar#grammar1Wordings} is grammar 2.
   */
  static Map<Kind, List<Pattern>> findingReaders(boolean capitalised) {
    Map<String, String> p = new HashMap<>();
    p.put("v", "\\d{1,4}");
    p.put("complaint", SlotTemplate.anyOf(TriageGrammar.complaints().stream()
        .map(c -> capitalised ? TriageGrammar.capitalise(c.name()) : c.name()).toList()));
    p.put("reason", SlotTemplate.anyOf(Complaint.HIGH_RISK.stream().map(Complaint::riskReason).toList()));
    Map<Kind, List<Pattern>> out = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      List<SlotTemplate> all = new ArrayList<>(TriageGrammar.FINDINGS.get(k));
      SourceGrammar.ALL.forEach(w -> all.addAll(w.findings().get(k)));
      List<Pattern> ps = new ArrayList<>();
      for (SlotTemplate t : all) {
        ps.add((capitalised ? new SlotTemplate(TriageGrammar.capitalise(t.text())) : t).reader(p));
      }
      out.put(k, List.copyOf(ps));
    }
    return out;
  }
}
