// Examples read from a file together with the report of how they were read.
package dev.reason2decide.data;

import java.util.List;

/** The examples of one file, in file order, and its {@link ReadReport}. */
public record ExampleSet(List<Example> examples, ReadReport report) {
  public ExampleSet {
    examples = List.copyOf(examples);
  }

  public int size() {
    return examples.size();
  }
}
