// A trained decision-support model as the service, the CLI and evaluation see it.
package dev.reason2decide.inference;

import java.util.List;
import java.util.Map;

/**
 * Predicts a decision for an input text and explains it (Reason2Decide two-step inference). Implementations are
 * safe to call from several threads at once.
 */
public interface DecisionModel extends AutoCloseable {
  /** Decides one input. */
  Decision decide(String text);

  /** Decides several inputs (implementations may batch). */
  default List<Decision> decideAll(List<String> texts) {
    return texts.stream().map(this::decide).toList();
  }

  /**
   * What deciding {@code texts} costs in input tokens, after truncation to the model's input length: what the
   * service admits against its token budget. At least one per text; this default counts one per text.
   */
  default int inputTokens(List<String> texts) {
    return texts.size();
  }

  /**
   * Native memory (bytes) that one admitted input token may hold while its decision runs, at the model's longest
   * input: what the service's default token budget is derived from. 0 when unknown (a model that holds no tensors).
   */
  default long bytesPerInputToken() {
    return 0;
  }

  /** The most input tokens of one note (longer notes are cut); 1 when the model has no such limit. */
  default int maxInputTokens() {
    return 1;
  }

  /**
   * What a user should be told once about this model's trust statistics (none: verdicts fall back on the other
   * signals), or empty. Commands print it after the model has proved usable, so an error stays one line.
   */
  default java.util.Optional<String> trustNotice() {
    return java.util.Optional.empty();
  }

  /** The label set, in a fixed order. */
  List<String> labels();

  /** A short name (the model folder's name). */
  String name();

  /** Configuration, label set and provenance of the checkpoint, for {@code GET /v1/model}. */
  Map<String, Object> describe();

  @Override
  default void close() {}
}
