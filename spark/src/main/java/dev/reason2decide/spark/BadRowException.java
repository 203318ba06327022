// A note that cannot be decided (no text, no id, over-long input, unreadable record) when bad rows stop the job.
package dev.reason2decide.spark;

/** Thrown inside a task under {@link BadRowPolicy#FAIL}; its message names the file, the note and the reason. */
public final class BadRowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadRowException(String message) {
    super(message);
  }
}
