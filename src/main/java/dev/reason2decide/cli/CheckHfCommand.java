// `r2d check-hf DIR [--device D]`: compares this implementation with transformers' golden outputs stored in DIR.
package dev.reason2decide.cli;

import dev.reason2decide.io.Json;
import dev.reason2decide.check.HfReferenceCheck;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Prints one JSON object with every error figure and {@code "pass"}; exit code 0 only on pass. */
@Command(name = "check-hf", mixinStandardHelpOptions = true,
    description = {"Load DIR's checkpoint and compare with whichever of expected.safetensors, "
        + "expected_grads.safetensors, expected_after_adamw.safetensors exist there.",
        "Tolerances: hidden/logits rel < 1e-4, loss abs < 1e-4, gradients rel < 1e-3, AdamW step rel < 1e-6, "
            + "generated ids identical, label log-probs abs < 1e-3."})
public final class CheckHfCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "Checkpoint folder with the reference files.")
  Path dir;

  @Mixin
  DeviceOption devices;

  @Override
  public Integer call() {
    Map<String, Object> result = HfReferenceCheck.run(dir, devices.resolve());
    System.out.println(Json.PRETTY.toJson(result));
    return Boolean.TRUE.equals(result.get("pass")) ? 0 : 1;
  }
}
