// One row of a reliability table: examples whose confidence fell in (lower, upper].
package dev.reason2decide.eval.labels;

/** A confidence bin: how many examples fell in it, their mean confidence and how often they were right. */
public record ReliabilityBin(double lower, double upper, int count, double meanConfidence, double accuracy) {}
