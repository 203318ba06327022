// The one line a user sees when a Spark job fails: the bad row or input error, not Spark's stage report.
package dev.reason2decide.spark;

/** Finds the user-facing reason inside the exception chain of a failed Spark job. */
final class JobFailure {
  private JobFailure() {}

  /**
   * The message of the innermost {@link BadRowException} or {@link IllegalArgumentException} in the chain (Spark
   * wraps a task's exception in its own); otherwise the first line of the outermost message.
   */
  static String message(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BadRowException || t instanceof IllegalArgumentException) {
        return t.getMessage();
      }
    }
    String m = String.valueOf(e.getMessage());
    // a task failure names its cause in the text even when the cause object did not travel back
    int at = m.indexOf(BadRowException.class.getName() + ": ");
    if (at >= 0) {
      m = m.substring(at + BadRowException.class.getName().length() + 2);
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
