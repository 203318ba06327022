// What r2d spark predict does with a note it cannot decide: write it to the errors output, or stop the job.
package dev.reason2decide.spark;

/** Bad rows are never dropped silently: they go to the errors output with their reason, or the job fails. */
public enum BadRowPolicy {
  /** Write the row with its reason to the errors output and go on. */
  ERRORS,
  /** Fail the job at the first bad row; no output is committed. */
  FAIL
}
