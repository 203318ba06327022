// Fits the finding-support rules from training pairs: each rationale phrase's small cover of note words.
package dev.reason2decide.trust.fit;

import dev.reason2decide.data.Example;
import dev.reason2decide.trust.PhraseSupport;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * For every phrase that at least {@link #MIN_NOTES} training rationales have (and at least as many lack), a greedy
 * set cover of the notes of those rationales by note words (and word pairs): each step takes the word that covers
 * the most notes not yet covered, weighted by how often a training note with that word has the phrase (so "gcs 5"
 * beats "gcs", which every note has). A phrase becomes a rule only when at most {@link #MAX_COVER} words cover all
 * its notes and the cover is specific: at most {@link #MAX_OUTSIDE} of the training notes whose rationale lacks the
 * phrase have any of its words (otherwise the cover says nothing about the phrase — "so ESI-3" is covered by "hr" —
 * and a note merely written in other words would be vetoed).
 */
final class PhraseCovers {
  static final int MIN_NOTES = 20;
  static final int MAX_COVER = 3;
  static final double MAX_OUTSIDE = 0.2;
  /** Each word of a cover must newly cover this share of the phrase's notes (at least two): no one-note words. */
  static final double MIN_WORD_SHARE = 0.05;
  static final String RULE = "for each 3-word phrase of >= " + MIN_NOTES + " training rationales, <= " + MAX_COVER
      + " note words or word pairs one of which every such note has, held by <= " + (int) (100 * MAX_OUTSIDE)
      + " % of the other training notes";

  private PhraseCovers() {}

  /** The rules of {@code train} (examples without a rationale are left out), sorted by phrase. */
  static PhraseSupport of(List<Example> train) {
    Map<String, Integer> ids = new HashMap<>();
    List<String> names = new ArrayList<>();
    List<int[]> notes = new ArrayList<>();
    Map<String, List<Integer>> byPhrase = new TreeMap<>();
    for (Example e : train) {
      if (e.rationale() == null || e.rationale().isBlank()) {
        continue;
      }
      int n = notes.size();
      // a note's values (numbers, "173 55") are the numbers check's business, not a finding's wording
      Set<String> words = PhraseSupport.noteWords(e.input());
      words.removeIf(w -> w.chars().noneMatch(Character::isLetter));
      notes.add(words.stream().mapToInt(w -> ids.computeIfAbsent(w, k -> {
        names.add(k);
        return names.size() - 1;
      })).toArray());
      for (String p : PhraseSupport.phrases(e.rationale())) {
        byPhrase.computeIfAbsent(p, k -> new ArrayList<>()).add(n);
      }
    }
    int[] df = new int[names.size()];
    BitSet[] holders = new BitSet[names.size()];
    for (int i = 0; i < notes.size(); i++) {
      for (int f : notes.get(i)) {
        df[f]++;
        if (holders[f] == null) {
          holders[f] = new BitSet(notes.size());
        }
        holders[f].set(i);
      }
    }
    List<PhraseSupport.Rule> rules = new ArrayList<>();
    int[] count = new int[names.size()];
    int[] inside = new int[names.size()];
    for (Map.Entry<String, List<Integer>> p : byPhrase.entrySet()) {
      List<Integer> with = p.getValue();
      if (with.size() < MIN_NOTES || notes.size() - with.size() < MIN_NOTES) {   // too rare, or nothing to contrast
        continue;
      }
      int[] cover = cover(with, notes, names, df, count, inside);
      if (cover == null) {
        continue;
      }
      BitSet any = new BitSet(notes.size());
      for (int f : cover) {
        any.or(holders[f]);
      }
      int outside = any.cardinality() - with.size();         // every note with the phrase holds a cover word
      if (outside <= MAX_OUTSIDE * (notes.size() - with.size())) {
        List<String> words = new ArrayList<>();
        for (int f : cover) {
          words.add(names.get(f));
        }
        words.sort(null);                              // one cover, one order: consecutive phrases merge into one gap
        rules.add(new PhraseSupport.Rule(p.getKey(), words, with.size()));
      }
    }
    return new PhraseSupport(rules);
  }

  /** The greedy cover of the notes {@code with} (word ids), or null when {@link #MAX_COVER} words do not do it. */
  private static int[] cover(List<Integer> with, List<int[]> notes, List<String> names, int[] df, int[] count,
      int[] inside) {
    List<Integer> touched = new ArrayList<>();
    for (int i : with) {
      for (int f : notes.get(i)) {
        if (inside[f]++ == 0) {
          touched.add(f);
        }
      }
    }
    List<Integer> left = new ArrayList<>(with);
    List<Integer> chosen = new ArrayList<>();
    while (!left.isEmpty() && chosen.size() < MAX_COVER) {
      for (int i : left) {
        for (int f : notes.get(i)) {
          count[f]++;
        }
      }
      int best = -1;
      double bestScore = -1;
      for (int f : touched) {
        double score = count[f] * ((double) inside[f] / df[f]);
        if (count[f] > 0 && (score > bestScore || score == bestScore && simpler(names.get(f), names.get(best)))) {
          best = f;
          bestScore = score;
        }
      }
      for (int f : touched) {
        count[f] = 0;
      }
      if (count(left, notes, best) < Math.max(2, MIN_WORD_SHARE * with.size())) {
        break;                                        // a word for one odd note ("48 f") would be a guess
      }
      chosen.add(best);
      final int b = best;
      left.removeIf(i -> contains(notes.get(i), b));
    }
    for (int f : touched) {
      inside[f] = 0;
    }
    return left.isEmpty() ? chosen.stream().mapToInt(Integer::intValue).toArray() : null;
  }

  /** Ties go to the single word, then to the first in alphabetical order (the result does not depend on order). */
  private static boolean simpler(String a, String b) {
    int wa = a.indexOf(' ') < 0 ? 1 : 2;
    int wb = b.indexOf(' ') < 0 ? 1 : 2;
    return wa != wb ? wa < wb : a.compareTo(b) < 0;
  }

  private static int count(List<Integer> left, List<int[]> notes, int f) {
    int n = 0;
    for (int i : left) {
      n += contains(notes.get(i), f) ? 1 : 0;
    }
    return n;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
