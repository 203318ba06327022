// The one check every command runs before writing: no output may overwrite one of the command's own inputs.
package dev.reason2decide.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A command's input and output paths, files or folders. {@link #check()} refuses, naming both paths, an output that
 * is an input (also through links), an output folder that holds an input, and an output file that would replace
 * a file inside an input folder. Absent (null) paths are ignored, so optional options can be passed as they are.
 */
public final class InputOutputPaths {
  private record Named(String option, Path given, Path real, boolean folder) {}

  private final List<Named> inputs = new ArrayList<>();
  private final List<Named> outputs = new ArrayList<>();

  /** An input file, e.g. {@code input("--input", input)}. */
  public InputOutputPaths input(String option, Path file) {
    return add(inputs, option, file, false);
  }

  /** An input folder (a model, a raw dataset). */
  public InputOutputPaths inputFolder(String option, Path folder) {
    return add(inputs, option, folder, true);
  }

  /** An output file. */
  public InputOutputPaths output(String option, Path file) {
    return add(outputs, option, file, false);
  }

  /** An output folder: nothing the command reads may lie inside it. */
  public InputOutputPaths outputFolder(String option, Path folder) {
    return add(outputs, option, folder, true);
  }

  /**
   * @throws IllegalArgumentException naming the output and the input it would overwrite, or an output that cannot
   *     be written: a file output that is a folder, a read-only file, a folder that cannot be written into
   */
  public void check() {
    for (Named out : outputs) {
      writable(out);
    }
    for (Named out : outputs) {
      for (Named in : inputs) {
        boolean clash = out.real.equals(in.real)
            || (out.folder && in.real.startsWith(out.real))
            || (in.folder && !out.folder && out.real.startsWith(in.real) && Files.exists(out.real));
        if (clash) {
          String where = out.real.equals(in.real) ? "" : out.folder && in.real.startsWith(out.real)
              ? " (the input is inside the output folder)" : " (the output is inside the input folder)";
          throw new IllegalArgumentException(out.option + " " + out.given + " would overwrite the input "
              + in.option + " " + in.given + where + "; choose another output");
        }
      }
    }
  }

  /** Found out before the work, not after it: the output's place must take a file (or folder). */
  private static void writable(Named out) {
    OutputTarget t = OutputTarget.of(out.given);
    if (t.special()) {
      return; // a device or FIFO is written through
    }
    if (!out.folder && Files.isDirectory(t.real())) {
      throw new IllegalArgumentException(out.option + " " + out.given + " is a folder; give a file name");
    }
    if (Files.exists(t.real()) && !Files.isWritable(t.real())) {
      throw new IllegalArgumentException(out.option + " " + out.given + " is read-only; choose another output");
    }
    Path parent = t.real().getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent != null && (!Files.isDirectory(parent) || !Files.isWritable(parent))) {
      throw new IllegalArgumentException(out.option + " " + out.given + " cannot be created: "
          + (Files.isDirectory(parent) ? "the folder " + parent + " is read-only" : parent + " is not a folder")
          + "; choose another output");
    }
  }

  private InputOutputPaths add(List<Named> list, String option, Path p, boolean folder) {
    if (p != null) {
      list.add(new Named(option, p, real(p), folder));
    }
    return this;
  }

  /** The path with links resolved as far as it exists (so {@code ./a}, {@code a} and a link to {@code a} agree). */
  static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    } catch (IOException e) {
      return abs;
    }
  }
}
