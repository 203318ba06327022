// The kinds of rewrite in the shift suite: how a synthetic note is changed while its findings stay the same.
package dev.reason2decide.data.synth;

/**
 * A kind of shifted note ({@link ShiftSuite}); each is written to its own file {@code <file>.jsonl}. All but
 * {@link #MISSING} keep every finding, so the note's level and rationale hold; {@link #MISSING} drops one, and its
 * level is the rules' on what is still recorded.
 */
public enum ShiftKind {
  LOWER("lower", "the note in lower case"),
  UPPER("upper", "the note in upper case"),
  ORDER("order", "the note's sentences in another order"),
  UNSEEN_NAMES("unseen-names", "vital signs and pain named and unit-ed as the generator never does "
      + "(\"O2 sat 94 percent\", \"BP 90 over 65\", \"Pulse of 120\")"),
  NUMBERS("numbers", "vital signs and pain written as words (\"ninety-eight\") or with a decimal (\"98.0\")"),
  MISSING("missing", "one finding left out (id suffix names it); the level recomputed by the rules without it"),
  ADDED_TEXT("added-text", "one neutral sentence added (\"Family at the bedside.\")"),
  TYPOS("typos", "three typos in words of four or more letters (swap, drop or double a letter)");

  private final String file;
  private final String description;

  ShiftKind(String file, String description) {
    this.file = file;
    this.description = description;
  }

  /** The file stem (and id suffix) of this kind. */
  public String file() {
    return file;
  }

  /** What the rewrite does, for the dataset card and docs. */
  public String description() {
    return description;
  }

  /** The kind whose file stem is {@code s}. */
  public static ShiftKind of(String s) {
    for (ShiftKind k : values()) {
      if (k.file.equals(s)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown shift kind '" + s + "' (" + names() + ")");
  }

  /** Every kind's file stem, comma-separated. */
  public static String names() {
    StringBuilder b = new StringBuilder();
    for (ShiftKind k : values()) {
      b.append(b.length() == 0 ? "" : ", ").append(k.file);
    }
    return b.toString();
  }
}
