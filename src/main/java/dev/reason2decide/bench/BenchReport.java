// One JSON line per measurement, with the peer's keys first (so one parser reads both) and our extras after them.
package dev.reason2decide.bench;

import ai.djl.engine.Engine;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.io.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The header the peer prints ({@code peer}, {@code torch}, {@code threads}, ...) filled in for this side. */
final class BenchReport {
  private BenchReport() {}

  static Map<String, Object> header(BenchShapes s, long params) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("peer", "r2d-djl");
    m.put("torch", Engines.pytorch().getVersion());
    m.put("djl", Engine.getDjlVersion());
    m.put("threads", s.load.threads);
    m.put("config", s.config);
    m.put("params", params);
    m.put("batch", s.load.batch);
    m.put("src", s.src);
    return m;
  }

  static void times(Map<String, Object> m, StepTimes t) {
    m.put("seconds", t.median());
    m.put("min_s", t.min());
    m.put("max_s", t.max());
    m.put("timed_steps", t.sorted().length);
  }

  static void print(Map<String, Object> m) {
    m.put("rss_mib", Resident.currentMiB());
    m.put("peak_rss_mib", Resident.peakMiB());
    System.out.println(Json.COMPACT.toJson(m));
    System.out.flush();
  }
}
