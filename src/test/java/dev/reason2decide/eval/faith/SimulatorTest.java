// The independent simulator learns which words support which label, and its rates are counted as by hand.
package dev.reason2decide.eval.faith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {
  static Simulator trained() {
    List<String> rationales = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    String[] urgent = {"heart rate very high", "oxygen very low", "unresponsive patient", "very low blood pressure"};
    String[] routine = {"minor sprain only", "mild sore throat", "small cut only", "mild rash only"};
    for (int k = 0; k < 5; k++) {
      for (String u : urgent) {
        rationales.add(u);
        labels.add("urgent");
      }
      for (String r : routine) {
        rationales.add(r);
        labels.add("routine");
      }
    }
    return Simulator.train(rationales, labels);
  }

  @Test
  void readsTheLabelARationaleSupports() {
    Simulator s = trained();
    assertEquals(List.of("urgent", "routine", "urgent", "routine"),
        s.predict(List.of("very high heart rate", "only a mild sprain", "blood pressure very low", "small rash")));
    assertEquals(40, s.trainExamples());
  }

  @Test
  void agreementIsCountedAgainstPredictedAndGoldLabels() {
    Simulator s = trained();
    // r̂ says urgent, urgent, routine; ŷ urgent, routine, routine; y urgent, urgent, urgent
    Simulator.Result r = s.score(List.of("heart rate very high", "oxygen very low", "mild sore throat"),
        List.of("urgent", "routine", "routine"), List.of("urgent", "urgent", "urgent"),
        List.of("very low blood pressure", "mild rash only", ""));
    assertEquals(2 / 3.0, r.agreesWithPredicted(), 1e-12);
    assertEquals(2 / 3.0, r.agreesWithGold(), 1e-12);
    assertEquals(2, r.goldN(), "the empty gold rationale is left out");
    assertEquals(0.5, r.accuracyOnGold(), 1e-12, "a routine rationale for an urgent gold label is read as routine");
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    // r2d spark evaluate trains it once on the driver and broadcasts it to the executors
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(trained());
    }
    Simulator copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Simulator) in.readObject();
    }
    assertEquals(List.of("urgent", "routine", "urgent", "routine"),
        copy.predict(List.of("very high heart rate", "only a mild sprain", "blood pressure very low", "small rash")));
    assertEquals(40, copy.trainExamples());
  }

  @Test
  void needsTwoLabels() {
    assertThrows(IllegalArgumentException.class, () -> Simulator.train(List.of("a", "b"), List.of("x", "x")));
  }
}
