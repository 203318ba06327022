// Version strings for `r2d --version` and for provenance records.
package dev.reason2decide.cli;

import dev.reason2decide.io.Versions;
import picocli.CommandLine.IVersionProvider;

/** {@code r2d --version}: the project and library versions of {@link Versions}. */
public final class VersionInfo implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"reason2decide " + Versions.PROJECT, "DJL " + Versions.DJL + ", PyTorch " + Versions.PYTORCH + " (CPU)",
        "Java " + System.getProperty("java.version")};
  }
}
