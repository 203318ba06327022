// The shift suite: synthetic triage notes rewritten in ways that keep their meaning, one file per kind of rewrite.
package dev.reason2decide.data.synth;

import dev.reason2decide.data.DatasetCard;
import dev.reason2decide.data.DatasetFolder;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.LabelSet;
import dev.reason2decide.data.SeededRandom;
import dev.reason2decide.words.NumberWords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * For {@code n} natural-mix notes from a seed ({@link SynthTriage#generateWithCases}), one rewrite per note and
 * {@link ShiftKind}. The text rewrites (case, order, added text, typos) change the generated note; the others
 * render the note's case again: with names and units outside the training grammar ({@link UnseenPhrasing}), with
 * numbers in another format, or with one finding left out ({@link MissingFinding}). Gold labels follow the rules;
 * gold rationales are the generated ones where they still hold, and empty where leaving a finding out would make
 * them state something the note no longer records. Deterministic: each rewrite draws from a {@link SeededRandom}
 * seeded by (seed, note, kind), so a note's rewrite does not depend on {@code n} or on the other kinds.
 */
public final class ShiftSuite {
  /** Typos per note of {@link ShiftKind#TYPOS}. */
  public static final int TYPOS = 3;
  /** The file (without .jsonl) of the far text, when there is some. */
  public static final String FAR = "far";

  private ShiftSuite() {}

  /**
   * Each kind's examples (in kind order), from {@code n} grammar-1 notes of {@code seed}: the rewrites that render a
   * case again use grammar 1's templates, and "outside the training grammar" is measured against it (a model
   * trained on grammar 2 has seen some of the unseen names; docs/data.md).
   */
  public static Map<ShiftKind, List<Example>> generate(int n, long seed) {
    return generate(notes(n, seed), seed);
  }

  /** The notes the suite rewrites: {@code n} natural-mix grammar-1 notes of {@code seed}. */
  public static List<SynthTriage.Generated> notes(int n, long seed) {
    return SynthTriage.generateWithCases(n, seed, SynthTriage.Mix.NATURAL, 1, java.util.Set.of(), 1, FormPolicy.ALL);
  }

  /** Each kind's rewrites of {@code notes}. */
  public static Map<ShiftKind, List<Example>> generate(List<SynthTriage.Generated> notes, long seed) {
    Map<ShiftKind, List<Example>> out = new LinkedHashMap<>();
    for (ShiftKind k : ShiftKind.values()) {
      List<Example> rewrites = new ArrayList<>(notes.size());
      for (int i = 0; i < notes.size(); i++) {
        rewrites.add(rewrite(notes.get(i), k, new SeededRandom(seed * 1_000_003L + i * 64L + k.ordinal())));
      }
      out.put(k, List.copyOf(rewrites));
    }
    return out;
  }

  /** One rewrite of one generated note. */
  public static Example rewrite(SynthTriage.Generated g, ShiftKind kind, SeededRandom rng) {
    Example e = g.example();
    TriageCase c = g.triageCase();
    String id = e.id() + "-" + kind.file();
    return switch (kind) {
      case LOWER -> same(e, id, TextRewrites.lower(e.input()));
      case UPPER -> same(e, id, TextRewrites.upper(e.input()));
      case ORDER -> same(e, id, TextRewrites.shuffleSentences(e.input(), rng));
      case ADDED_TEXT -> same(e, id, TextRewrites.addSentence(e.input(), rng));
      case TYPOS -> same(e, id, TextRewrites.typos(e.input(), TYPOS, rng));
      case UNSEEN_NAMES -> same(e, id, TriageGrammar.capitalise(rng.pick(UnseenPhrasing.NOTES)
          .render(NoteSlots.of(c, rng))));
      case NUMBERS -> {
        boolean words = rng.chance(0.5);
        SlotTemplate t = rng.pick(NoteSlots.generatorTemplates());
        yield same(e, id, t.render(NoteSlots.of(c, rng, v -> words ? NumberWords.of(v) : v + ".0")));
      }
      case MISSING -> missing(g, id, rng);
    };
  }

  private static Example same(Example e, String id, String note) {
    return new Example(id, note, e.label(), e.rationale(), e.rationaleSource());
  }

  /**
   * One finding left out: the note rendered by a generator template without the finding's clause, the level of
   * the case as recorded, and a rationale only when it does not depend on the left-out value (the rationales of the
   * two recorded variants agree) and does not call an unrecorded mental status alert (levels 3 to 5).
   */
  private static Example missing(SynthTriage.Generated g, String id, SeededRandom rng) {
    List<SlotTemplate> templates = NoteSlots.generatorTemplates();
    List<MissingFinding> possible = new ArrayList<>();
    for (MissingFinding f : MissingFinding.values()) {
      if (templates.stream().anyMatch(f::in)) {
        possible.add(f);
      }
    }
    MissingFinding f = rng.pick(possible);
    SlotTemplate t = f.without(rng.pick(templates.stream().filter(f::in).toList()));
    String note = t.render(NoteSlots.of(g.triageCase(), rng));
    TriageCase recorded = f.recorded(g.triageCase(), 0);
    TriageRules.Assessment a = TriageRules.assess(recorded);
    long rationaleSeed = rng.nextLong();
    String rationale = TriageRationales.write(recorded, a, new SeededRandom(rationaleSeed));
    TriageCase other = f.recorded(g.triageCase(), 1);
    boolean holds = rationale.equals(TriageRationales.write(other, TriageRules.assess(other),
        new SeededRandom(rationaleSeed))) && !(f == MissingFinding.MENTAL_STATUS && a.level() >= 3);
    return new Example(id + "-" + f.json().replace('_', '-').toLowerCase(Locale.ROOT), note, a.label(),
        holds ? rationale : "", holds ? SynthTriage.SOURCE : "");
  }

  /**
   * Writes {@code <kind>.jsonl} for every kind and, when {@code far} is not empty, {@code far.jsonl} (with
   * {@code farLabel} as its gold label and {@code farSource} recorded), and {@code dataset.json}; every file
   * atomically. Returns the examples by file stem.
   */
  public static Map<String, List<Example>> write(Path dir, int n, long seed, List<Example> far, String farLabel,
      Path farSource) {
    if (n < 1) {
      throw new IllegalArgumentException("--n " + n + ": at least one note per kind is needed; nothing written");
    }
    Map<String, List<Example>> files = new LinkedHashMap<>();
    Map<String, Object> kinds = new LinkedHashMap<>();
    generate(n, seed).forEach((k, examples) -> {
      files.put(k.file(), examples);
      kinds.put(k.file(), k.description());
    });
    List<String> labels = new ArrayList<>(TriageRules.LABELS);
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("notes", n);
    options.put("notes_from", "synth-triage natural mix, seed " + seed + " (use a seed no training or held-out "
        + "split was generated from)");
    options.put("kinds", kinds);
    options.put("typos", TYPOS);
    options.put("missing_finding", "not recorded fires no rule: HR 80, BP 120/80, RR 16, SpO2 98, pain 0, alert, "
        + "no history, T 37.0; gold rationale empty where it would depend on the missing value");
    List<Path> raw = new ArrayList<>();
    if (!far.isEmpty()) {
      files.put(FAR, far);
      labels.add(farLabel);
      kinds.put(FAR, "text that is not a triage note; gold label '" + farLabel + "', so every decision is wrong");
      options.put("far", far.size());
      raw.add(farSource);
    }
    DatasetCard card = new DatasetCard("synth-triage-shift", "SYNTHETIC: reason2decide ShiftSuite rewrites of "
        + "SynthTriage notes" + (far.isEmpty() ? "" : "; far text: PubMedQA PQA-L questions (MIT)"),
        "generated data; PubMedQA questions MIT, Copyright (c) 2019 pubmedqa", true, seed, new LabelSet(labels), raw,
        options);
    DatasetFolder.write(dir, files, card);
    return files;
  }
}
