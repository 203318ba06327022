// Version strings of the project and the libraries it is built on, for `r2d --version` and provenance records.
package dev.reason2decide.io;

/** Project and library versions (kept here, at the bottom of the imports, so that every package may read them). */
public final class Versions {
  public static final String PROJECT = "0.1.0";
  public static final String DJL = "0.36.0";
  public static final String PYTORCH = "2.7.1";

  private Versions() {}
}
