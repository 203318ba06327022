// Version strings for `r2d --version` and for provenance records.
package dev.reason2decide.cli;

import picocli.CommandLine.IVersionProvider;

/** Project and library versions. */
public final class VersionInfo implements IVersionProvider {
  public static final String PROJECT = "0.1.0";
  public static final String DJL = "0.36.0";
  public static final String PYTORCH = "2.7.1";

  @Override
  public String[] getVersion() {
    return new String[] {"reason2decide " + PROJECT, "DJL " + DJL + ", PyTorch " + PYTORCH + " (CPU)",
        "Java " + System.getProperty("java.version")};
  }
}
