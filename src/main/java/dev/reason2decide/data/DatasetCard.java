// dataset.json: where a converted dataset came from, its license, seed, counts per split and label, raw hashes.
package dev.reason2decide.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.reason2decide.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Provenance of a dataset folder.
 *
 * @param name short name, e.g. {@code pubmedqa-pqal}
 * @param source where the raw data came from (URL, paper)
 * @param license its license and attribution
 * @param synthetic whether the examples are generated
 * @param seed the split (and generation) seed
 * @param labels the label set, in order
 * @param rawFiles the raw files read (their names, sizes and SHA-256 are recorded)
 * @param options converter options worth recording (input composition, split sizes, filters)
 */
public record DatasetCard(String name, String source, String license, boolean synthetic, long seed,
    LabelSet labels, List<Path> rawFiles, Map<String, Object> options) {

  public DatasetCard {
    rawFiles = List.copyOf(rawFiles);
    options = new LinkedHashMap<>(options);
  }

  /** The JSON of this card with the given splits counted. */
  public JsonObject toJson(Map<String, List<Example>> splits) {
    JsonObject o = new JsonObject();
    o.addProperty("name", name);
    o.addProperty("synthetic", synthetic);
    o.addProperty("source", source);
    o.addProperty("license", license);
    o.addProperty("seed", seed);
    JsonArray ls = new JsonArray();
    labels.labels().forEach(ls::add);
    o.add("labels", ls);
    JsonObject counts = new JsonObject();
    splits.forEach((split, examples) -> {
      JsonObject c = new JsonObject();
      c.addProperty("total", examples.size());
      Map<String, Integer> perLabel = new TreeMap<>();
      labels.labels().forEach(l -> perLabel.put(l, 0));
      examples.forEach(e -> perLabel.merge(e.label(), 1, Integer::sum));
      JsonObject pl = new JsonObject();
      (labels.isAny() ? perLabel.keySet() : labels.labels()).forEach(l -> pl.addProperty(l, perLabel.get(l)));
      c.add("labels", pl);
      counts.add(split, c);
    });
    o.add("splits", counts);
    JsonArray raw = new JsonArray();
    for (Path p : rawFiles) {
      JsonObject r = new JsonObject();
      r.addProperty("file", p.getFileName().toString());
      try {
        r.addProperty("bytes", Files.size(p));
      } catch (IOException e) {
        throw new UncheckedIOException(p + ": cannot be read: " + e.getMessage(), e);
      }
      r.addProperty("sha256", dev.reason2decide.io.Provenance.sha256(p));
      raw.add(r);
    }
    o.add("raw_files", raw);
    o.add("options", Json.COMPACT.toJsonTree(options));
    return o;
  }

}
