// Precision, recall, F1 and support of one class.
package dev.reason2decide.eval.labels;

/** Per-class figures with scikit-learn's zero_division=0: a ratio with a zero denominator is 0. */
public record ClassScores(double precision, double recall, double f1, int support) {}
