// A checkpoint that cannot be read as it is: names the file, the tensor and what is wrong.
package dev.reason2decide.model.safetensors;

import java.nio.file.Path;

/** Thrown for corrupt, truncated or mismatched checkpoint files. */
public class CheckpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CheckpointException(Path file, String what) {
    super(file + ": " + what);
  }

  public CheckpointException(Path file, String tensor, String what) {
    super(file + ": tensor '" + tensor + "': " + what);
  }
}
