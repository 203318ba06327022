// One training or evaluation example: the input text, its decision label and the rationale for it.
package dev.reason2decide.data;

/**
 * An example (x, y, r). {@code rationaleSource} says where r came from: {@code human}, {@code edited},
 * {@code llm:<model>}, {@code synthetic}, or empty when unknown.
 */
public record Example(String id, String input, String label, String rationale, String rationaleSource) {

  public Example withRationale(String newRationale, String source) {
    return new Example(id, input, label, newRationale, source);
  }

  public Example withLabel(String newLabel) {
    return new Example(id, input, newLabel, rationale, rationaleSource);
  }
}
