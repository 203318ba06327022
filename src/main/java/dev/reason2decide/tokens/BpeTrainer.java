// Learns a byte-pair-encoding vocabulary and merge list from word counts, deterministically.
package dev.reason2decide.tokens;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Classic BPE (Sennrich et al. 2016) over characters (code points): start from the characters of the corpus
 * words, repeatedly merge the most frequent adjacent pair. Ties go to the pair whose parts entered the vocabulary
 * first, and characters enter by frequency then code point, so a corpus always gives the same vocabulary.
 * Characters beyond the alphabet budget are left to byte fallback ({@code <0xNN>} pieces).
 */
public final class BpeTrainer {
  /**
   * Training settings.
   *
   * @param vocabSize model vocabulary size: 3 special tokens, 256 byte pieces, the characters and the merges
   *     (the sentinels come on top)
   * @param minFrequency a pair seen fewer times is never merged
   * @param maxAlphabet at most this many characters get their own piece
   * @param splitDigits every digit is a token of its own (a {@code Digits} pre-tokeniser with individual digits, as
   *     modern LLM tokenizers do), so a model copies a number digit by digit instead of through whatever merges the
   *     corpus happened to make of it
   * @param splitPunctuation every punctuation character is a token of its own (a {@code Punctuation} pre-tokeniser),
   *     so {@code 76,} and {@code 76} share their pieces
   * @param wholeNumbers 0, or the largest number written as one piece whatever the corpus: every {@code ▁n} for
   *     n = 0..wholeNumbers and every bare number below 100 becomes a piece through merges ranked before all learned
   *     ones (see {@link #numberMerges}); ignored with digits split
   * @param lowercase case folding: a {@code Lowercase} normaliser after NFKC, so "HR", "hr" and "Hr" are one piece
   */
  public record Config(int vocabSize, int minFrequency, int maxAlphabet, boolean splitDigits,
      boolean splitPunctuation, int wholeNumbers, boolean lowercase) {
    public static final Config DEFAULT = new Config(8000, 2, 1000, true, false, 0);

    /** Case kept (the layout of every tokenizer built before case folding). */
    public Config(int vocabSize, int minFrequency, int maxAlphabet, boolean splitDigits, boolean splitPunctuation,
        int wholeNumbers) {
      this(vocabSize, minFrequency, maxAlphabet, splitDigits, splitPunctuation, wholeNumbers, false);
    }

    /** No forced number pieces. */
    public Config(int vocabSize, int minFrequency, int maxAlphabet, boolean splitDigits, boolean splitPunctuation) {
      this(vocabSize, minFrequency, maxAlphabet, splitDigits, splitPunctuation, 0);
    }

    /** Digits split (the default for new tokenizers), punctuation not. */
    public Config(int vocabSize, int minFrequency, int maxAlphabet) {
      this(vocabSize, minFrequency, maxAlphabet, true, false);
    }

    public Config {
      if (vocabSize < Vocab.FIRST_FREE + 1) {
        throw new IllegalArgumentException("vocab size must be at least " + (Vocab.FIRST_FREE + 1)
            + " (3 special tokens and 256 byte pieces come first): " + vocabSize);
      }
      if (minFrequency < 1 || maxAlphabet < 1) {
        throw new IllegalArgumentException("min frequency and alphabet size must be >= 1: " + this);
      }
      if (wholeNumbers < 0 || wholeNumbers > MAX_WHOLE_NUMBER) {
        throw new IllegalArgumentException("whole numbers must be 0 (off) to " + MAX_WHOLE_NUMBER + ": "
            + wholeNumbers);
      }
    }
  }

  /** A trained model: pieces in id order (ids 0..n-1) and merges in rank order. */
  public record Vocab(List<String> pieces, List<String[]> merges) {
    /** Ids of the special tokens. */
    public static final int PAD = 0;
    public static final int EOS = 1;
    public static final int UNK = 2;
    /** The first id after specials and byte pieces. */
    public static final int FIRST_FREE = 3 + 256;
  }

  /** The largest {@code wholeNumbers} accepted: numbers of up to four digits. */
  public static final int MAX_WHOLE_NUMBER = 9999;

  private BpeTrainer() {}

  /**
   * The merges that make every {@code ▁n} (n = 0..max, no leading zero) and every bare number 10..99 one piece, in
   * the rank order that makes them apply whatever else the vocabulary holds: all {@code ▁}-merges first, shortest
   * first, each extending a number by its next digit ({@code ▁1}+{@code 1} → {@code ▁11}, then {@code ▁11}+{@code 8}
   * → {@code ▁118}), so the {@code ▁} anchors the number's left end; then the bare two-digit ones. Longer bare
   * numbers cannot be made whole by pair merges in every case (the pairs of {@code 118}, {@code 181} and {@code 811}
   * would need a cyclic rank order), so they are left to learned merges; after a space (the {@code ▁} form) is where
   * clinical values stand.
   */
  public static List<String[]> numberMerges(int max) {
    List<String[]> out = new ArrayList<>();
    if (max <= 0) {
      return out;
    }
    String sp = WordCounts.METASPACE;
    for (int n = 0; n <= Math.min(9, max); n++) {
      out.add(new String[] {sp, Integer.toString(n)});
    }
    for (int n = 10; n <= max; n++) {
      String d = Integer.toString(n);
      out.add(new String[] {sp + d.substring(0, d.length() - 1), d.substring(d.length() - 1)});
    }
    for (int n = 10; n <= 99; n++) {
      String d = Integer.toString(n);
      out.add(new String[] {d.substring(0, 1), d.substring(1)});
    }
    return out;
  }

  /** The byte piece of a byte value, as the tokenizers library names it. */
  public static String bytePiece(int b) {
    return String.format(java.util.Locale.ROOT, "<0x%02X>", b & 0xFF);
  }

  /** Trains on word counts (words already carry their leading ▁). */
  public static Vocab train(Map<String, Long> wordCounts, Config config) {
    List<String> pieces = new ArrayList<>(List.of("<pad>", "</s>", "<unk>"));
    for (int b = 0; b < 256; b++) {
      pieces.add(bytePiece(b));
    }
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < pieces.size(); i++) {
      ids.put(pieces.get(i), i);
    }
    // alphabet: characters by frequency, then code point
    Map<Integer, Long> charFreq = new TreeMap<>();
    wordCounts.forEach((w, n) -> w.codePoints().forEach(cp -> charFreq.merge(cp, n, Long::sum)));
    List<Map.Entry<Integer, Long>> chars = new ArrayList<>(charFreq.entrySet());
    chars.sort(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    int budget = Math.min(config.maxAlphabet(), config.vocabSize() - pieces.size());
    for (int i = 0; i < chars.size() && i < budget; i++) {
      String c = new String(Character.toChars(chars.get(i).getKey()));
      if (!ids.containsKey(c)) {
        ids.put(c, pieces.size());
        pieces.add(c);
      }
    }
    // words as symbol ids; -1 marks a character left to byte fallback (never merged)
    List<int[]> words = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (var e : wordCounts.entrySet()) {
      int[] s = e.getKey().codePoints().map(cp -> ids.getOrDefault(new String(Character.toChars(cp)), -1)).toArray();
      words.add(s);
      counts.add(e.getValue());
    }
    List<String[]> merges = new ArrayList<>();
    if (!config.splitDigits()) {
      for (String[] m : numberMerges(config.wholeNumbers())) {
        Integer a = ids.get(m[0]);
        Integer b = ids.get(m[1]);
        if (a == null || b == null || pieces.size() >= config.vocabSize()) {
          continue; // a digit the corpus never has, or no room left: nothing to merge
        }
        merges.add(m);
        int c = piece(m[0] + m[1], pieces, ids);
        for (int w = 0; w < words.size(); w++) {
          if (contains(words.get(w), a, b)) {
            words.set(w, merge(words.get(w), a, b, c));
          }
        }
      }
    }
    Map<Long, Long> pairCount = new HashMap<>();
    Map<Long, Set<Integer>> where = new HashMap<>();
    for (int w = 0; w < words.size(); w++) {
      addPairs(words.get(w), counts.get(w), w, pairCount, where, null);
    }
    PriorityQueue<long[]> queue = new PriorityQueue<>(Comparator.<long[]>comparingLong(x -> -x[0])
        .thenComparingLong(x -> x[1] >>> 32).thenComparingLong(x -> x[1] & 0xFFFFFFFFL));
    pairCount.forEach((k, n) -> queue.add(new long[] {n, k}));
    while (pieces.size() < config.vocabSize() && !queue.isEmpty()) {
      long[] top = queue.poll();
      long key = top[1];
      Long current = pairCount.get(key);
      if (current == null || current != top[0]) {
        continue; // stale entry
      }
      if (current < config.minFrequency()) {
        break;
      }
      int a = (int) (key >>> 32);
      int b = (int) key;
      merges.add(new String[] {pieces.get(a), pieces.get(b)});
      int c = piece(pieces.get(a) + pieces.get(b), pieces, ids);
      Set<Long> touched = new HashSet<>();
      for (int w : new ArrayList<>(where.getOrDefault(key, Set.of()))) {
        int[] s = words.get(w);
        if (!contains(s, a, b)) {
          continue;
        }
        long n = counts.get(w);
        removePairs(s, n, pairCount, touched);
        int[] t = merge(s, a, b, c);
        words.set(w, t);
        addPairs(t, n, w, pairCount, where, touched);
      }
      pairCount.remove(key);
      where.remove(key);
      for (long k : touched) {
        Long n = pairCount.get(k);
        if (n != null) {
          queue.add(new long[] {n, k});
        }
      }
    }
    return new Vocab(List.copyOf(pieces), List.copyOf(merges));
  }

  /** The id of a merge's result: its existing piece, or a new one appended to the vocabulary. */
  private static int piece(String merged, List<String> pieces, Map<String, Integer> ids) {
    Integer c = ids.get(merged);
    if (c == null) {
      c = pieces.size();
      ids.put(merged, c);
      pieces.add(merged);
    }
    return c;
  }

  private static long pair(int a, int b) {
    return ((long) a << 32) | (b & 0xFFFFFFFFL);
  }

  private static void addPairs(int[] s, long n, int w, Map<Long, Long> pairCount, Map<Long, Set<Integer>> where,
      Set<Long> touched) {
    for (int i = 0; i + 1 < s.length; i++) {
      if (s[i] < 0 || s[i + 1] < 0) {
        continue;
      }
      long k = pair(s[i], s[i + 1]);
      pairCount.merge(k, n, Long::sum);
      where.computeIfAbsent(k, x -> new HashSet<>()).add(w);
      if (touched != null) {
        touched.add(k);
      }
    }
  }

  private static void removePairs(int[] s, long n, Map<Long, Long> pairCount, Set<Long> touched) {
    for (int i = 0; i + 1 < s.length; i++) {
      if (s[i] < 0 || s[i + 1] < 0) {
        continue;
      }
      long k = pair(s[i], s[i + 1]);
      long left = pairCount.get(k) - n;
      if (left <= 0) {
        pairCount.remove(k);
      } else {
        pairCount.put(k, left);
      }
      touched.add(k);
    }
  }

  private static boolean contains(int[] s, int a, int b) {
    for (int i = 0; i + 1 < s.length; i++) {
      if (s[i] == a && s[i + 1] == b) {
        return true;
      }
    }
    return false;
  }

  /** Merges non-overlapping occurrences of (a, b), left to right. */
  private static int[] merge(int[] s, int a, int b, int c) {
    int[] out = new int[s.length];
    int n = 0;
    for (int i = 0; i < s.length; i++) {
      if (i + 1 < s.length && s[i] == a && s[i + 1] == b) {
        out[n++] = c;
        i++;
      } else {
        out[n++] = s[i];
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** Piece to id, for writers. */
  static Map<String, Integer> index(List<String> pieces) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < pieces.size(); i++) {
      m.putIfAbsent(pieces.get(i), i);
    }
    return m;
  }
}
