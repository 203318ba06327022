// The project's one JSON configuration (Gson): pretty for files people read, compact for JSONL.
package dev.reason2decide.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** Shared Gson instances. */
public final class Json {
  /** Indented, for reports, configs and provenance. */
  public static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
      .serializeSpecialFloatingPointValues().create();
  /** One line, for JSONL and CLI output. */
  public static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping()
      .serializeSpecialFloatingPointValues().create();

  private Json() {}
}
