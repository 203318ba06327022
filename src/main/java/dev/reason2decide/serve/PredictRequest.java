// Reads the JSON of a predict request strictly and checks it, naming the field and the limit that was broken.
package dev.reason2decide.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import java.util.ArrayList;
import java.util.List;

/** The notes of a {@code /v1/predict} ({@code {"text"}}) or {@code /v1/predict/batch} ({@code {"texts"}}) body. */
final class PredictRequest {
  private PredictRequest() {}

  /** The note of a single request: field {@code text}, a non-blank string of at most {@code maxChars}. */
  static String single(String body, int maxChars) throws ApiError {
    JsonObject obj = JsonText.object(body, Strictness.STRICT);
    JsonElement text = obj.get("text");
    if (text == null) {
      throw new ApiError(400, "missing field 'text' (a string with the note)");
    }
    return note(text, "text", maxChars);
  }

  /** The notes of a batch request: field {@code texts}, a non-empty array of at most {@code maxItems} notes. */
  static List<String> batch(String body, int maxChars, int maxItems) throws ApiError {
    JsonObject obj = JsonText.object(body, Strictness.STRICT);
    JsonElement texts = obj.get("texts");
    if (texts == null) {
      throw new ApiError(400, "missing field 'texts' (an array of note strings)");
    }
    if (!texts.isJsonArray()) {
      throw new ApiError(400, "field 'texts' must be an array of strings, got " + JsonText.kind(texts));
    }
    JsonArray array = texts.getAsJsonArray();
    if (array.isEmpty()) {
      throw new ApiError(422, "field 'texts' is empty; send at least one note");
    }
    if (array.size() > maxItems) {
      throw new ApiError(422, "field 'texts' has " + array.size() + " notes; the limit is " + maxItems
          + " per request (--max-batch)");
    }
    List<String> notes = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      notes.add(note(array.get(i), "texts[" + i + "]", maxChars));
    }
    return notes;
  }

  private static String note(JsonElement value, String field, int maxChars) throws ApiError {
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new ApiError(400, "field '" + field + "' must be a string, got " + JsonText.kind(value));
    }
    String text = value.getAsString();
    if (dev.reason2decide.io.BlankText.isBlank(text)) {
      throw new ApiError(422, "field '" + field + "' is blank (only spaces or invisible characters); send the "
          + "note's text");
    }
    if (text.length() > maxChars) {
      throw new ApiError(422, "field '" + field + "' has " + text.length() + " characters; the limit is "
          + maxChars + " characters (--max-input-chars)");
    }
    return text;
  }
}
