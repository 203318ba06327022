// A deterministic stand-in for a trained model: keyword rules, fixed probabilities, rationales quoting the note.
package dev.reason2decide.serve;

import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.DecisionModel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Triage by keywords: "chest pain" → emergency, "fever" → urgent, anything else → routine. With a delay or a gate
 * it is slow, for timeout and admission tests.
 */
final class KeywordModel implements DecisionModel {
  static final List<String> LABELS = List.of("emergency", "urgent", "routine");
  static final String EMERGENCY_RATIONALE =
      "Crushing chest pain radiating to the arm suggests an acute coronary syndrome; send to emergency care now.";

  private final Duration delay;
  private final CountDownLatch gate;
  final AtomicInteger calls = new AtomicInteger();

  KeywordModel() {
    this(Duration.ZERO, null);
  }

  KeywordModel(Duration delay, CountDownLatch gate) {
    this.delay = delay;
    this.gate = gate;
  }

  @Override
  public Decision decide(String text) {
    calls.incrementAndGet();
    try {
      if (gate != null) {
        gate.await();
      }
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    String t = text.toLowerCase(Locale.ROOT);
    if (t.contains("chest pain")) {
      return decision("emergency", 0.86, 0.10, 0.04, EMERGENCY_RATIONALE);
    }
    if (t.contains("fever")) {
      return decision("urgent", 0.15, 0.70, 0.15, "Fever needs a same-day review by a clinician.");
    }
    return decision("routine", 0.05, 0.15, 0.80, "Nothing in the note points to an acute problem.");
  }

  private static Decision decision(String label, double pe, double pu, double pr, String rationale) {
    Map<String, Double> p = new LinkedHashMap<>();
    // deliberately not in label order: the service must answer in the model's label order
    p.put("routine", pr);
    p.put("emergency", pe);
    p.put("urgent", pu);
    return new Decision(label, p, rationale);
  }

  @Override
  public List<String> labels() {
    return LABELS;
  }

  @Override
  public String name() {
    return "keyword-triage";
  }

  @Override
  public Map<String, Object> describe() {
    return Map.of("config", Map.of("base", "fake"), "provenance", Map.of("source", "test"));
  }
}
