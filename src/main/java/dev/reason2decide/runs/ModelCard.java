// r2d.json beside a trained model: label set, prompts and generation limits that inference needs.
package dev.reason2decide.runs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.JsonIntegers;
import dev.reason2decide.io.JsonRecords;
import dev.reason2decide.io.StrictJson;
import dev.reason2decide.prompts.PromptKind;
import dev.reason2decide.prompts.PromptTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code r2d predict} and {@code r2d serve} read from a model folder. {@code rationalePrompt} is the prompt the
 * model explains with ({@link PromptKind}); cards written before it held the phase's name in {@code stage}, which is
 * read through {@link PhaseKind#prompt()} (a name that is no phase's: {@code labelled}, as inference then did).
 */
public record ModelCard(List<String> labels, PromptTemplates prompts, int maxInputTokens, int labelMaxNewTokens,
    int rationaleMaxNewTokens, String recipe, PromptKind rationalePrompt) {
  /** The key older cards held the phase name under. */
  static final String OLD_STAGE = "stage";

  public ModelCard {
    if (rationalePrompt == null) {
      throw new IllegalArgumentException("rationalePrompt is missing or unknown; use \"explain\" or \"labelled\"");
    }
  }

  public static final String FILE = "r2d.json";
  /** Longest input in tokens (T5 has no hard limit; attention memory grows with its square). */
  public static final int MAX_INPUT_TOKENS = 8192;
  /** Longest label in tokens. */
  public static final int MAX_LABEL_TOKENS = 512;
  /** Longest rationale in tokens. */
  public static final int MAX_RATIONALE_TOKENS = 4096;

  /** Reads {@code dir/r2d.json}, or null when the folder has none (a plain Hugging Face checkpoint). */
  public static ModelCard read(Path dir) {
    Path f = dir.resolve(FILE);
    if (!Files.exists(f)) {
      return null;
    }
    try {
      JsonElement o = StrictJson.parse(Files.readString(f));
      if (!o.isJsonObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return JsonRecords.bind(JsonIntegers.strict(Json.COMPACT), withPromptKind(o.getAsJsonObject()), ModelCard.class);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(f + ": not a valid model card: " + e.getMessage(), e);
    }
  }

  /** {@code card} with {@code rationalePrompt}: as written, else from an older card's {@code stage}, else labelled. */
  private static JsonObject withPromptKind(JsonObject card) {
    if (card.has("rationalePrompt")) {
      return card;
    }
    JsonObject o = card.deepCopy();
    JsonElement stage = o.remove(OLD_STAGE);
    PhaseKind kind = stage != null && stage.isJsonPrimitive() ? PhaseKind.ofFolder(stage.getAsString()) : null;
    PromptKind prompt = kind == null ? PromptKind.LABELLED : kind.prompt();
    o.add("rationalePrompt", Json.COMPACT.toJsonTree(prompt));
    return o;
  }
}
