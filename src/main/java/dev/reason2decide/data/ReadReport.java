// What reading an example file did: rows read, examples kept, and every skipped row with its reason.
package dev.reason2decide.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of reading one file.
 *
 * @param file the file
 * @param rows data rows seen (blank JSONL lines not counted; CSV header not counted)
 * @param kept examples returned
 * @param skipped rows skipped as malformed (only with {@link ReadOptions#skipMalformed()})
 */
public record ReadReport(Path file, int rows, int kept, List<Skipped> skipped) {
  /** One skipped row. */
  public record Skipped(int line, String field, String problem) {}

  public ReadReport {
    skipped = List.copyOf(skipped);
  }

  /** Number of skipped rows per problem kind (the field, or "row"). */
  public Map<String, Integer> skippedByField() {
    Map<String, Integer> m = new TreeMap<>();
    for (Skipped s : skipped) {
      m.merge(s.field() == null ? "row" : s.field(), 1, Integer::sum);
    }
    return m;
  }

  /** One line for a person: {@code file: 120 rows, 118 examples, 2 skipped (label 1, row 1)}. */
  public String summary() {
    String s = file + ": " + rows + " rows, " + kept + " examples";
    return skipped.isEmpty() ? s : s + ", " + skipped.size() + " skipped " + skippedByField();
  }
}
