// The API key: read only from the environment or a file, and never shown (toString is redacted).
package dev.reason2decide.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A bearer token for the server; absent for local servers that need none. */
public final class ApiKey {
  /** Environment variable holding the key. */
  public static final String ENV = "R2D_LLM_API_KEY";
  private final String secret;

  private ApiKey(String secret) {
    this.secret = secret;
  }

  /** The key from {@code file} (first non-blank line) if given, else from {@value #ENV}, else none. */
  public static Optional<ApiKey> resolve(Path file, java.util.function.Function<String, String> env) {
    if (file != null) {
      try {
        String line = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .map(String::strip).filter(s -> !s.isEmpty()).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(file + ": API key file is empty"));
        return Optional.of(new ApiKey(line));
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": cannot read the API key file: " + e.getMessage(), e);
      }
    }
    String v = env.apply(ENV);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(new ApiKey(v.strip()));
  }

  /** A key given directly (tests, library callers). */
  public static ApiKey of(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("API key is empty");
    }
    return new ApiKey(secret.strip());
  }

  String headerValue() {
    return "Bearer " + secret;
  }

  /** Replaces the key wherever it occurs in {@code text} (for messages built from server answers). */
  String redact(String text) {
    return text == null ? null : text.replace(secret, "***");
  }

  @Override
  public String toString() {
    return "ApiKey[***]";
  }
}
