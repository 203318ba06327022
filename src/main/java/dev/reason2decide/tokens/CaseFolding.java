// Whether a tokenizer.json folds case: its normaliser lower-cases the text, so the model reads and writes lower case.
package dev.reason2decide.tokens;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.reason2decide.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Read from the {@code normalizer} of tokenizer.json: a {@code Lowercase} normaliser (what
 * {@code r2d tokenizer build --lowercase} writes, inside a {@code Sequence}), or a {@code BertNormalizer} with
 * {@code lowercase: true} (uncased BERT tokenizers). T5's own tokenizers keep case.
 */
public final class CaseFolding {
  private CaseFolding() {}

  /** Whether the tokenizer of {@code dirOrFile} (a model folder or its tokenizer.json) folds case. */
  public static boolean folds(Path dirOrFile) {
    Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve("tokenizer.json") : dirOrFile;
    JsonObject t = Json.readObject(file);
    return folds(t.get("normalizer"));
  }

  private static boolean folds(JsonElement normaliser) {
    if (normaliser == null || !normaliser.isJsonObject()) {
      return false;
    }
    JsonObject n = normaliser.getAsJsonObject();
    String type = n.has("type") && n.get("type").isJsonPrimitive() ? n.get("type").getAsString() : "";
    return switch (type) {
      case "Lowercase" -> true;
      case "BertNormalizer" -> n.has("lowercase") && n.get("lowercase").isJsonPrimitive()
          && n.get("lowercase").getAsBoolean();
      case "Sequence" -> n.has("normalizers") && n.get("normalizers").isJsonArray()
          && n.getAsJsonArray("normalizers").asList().stream().anyMatch(CaseFolding::folds);
      default -> false;
    };
  }
}
