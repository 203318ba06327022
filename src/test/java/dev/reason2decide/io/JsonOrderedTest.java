// Json.ordered: fields written in the order given, every run; pairs and unique keys enforced.
package dev.reason2decide.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonOrderedTest {
  @Test
  void fieldsKeepTheOrderGiven() {
    assertEquals("{\"train\":7,\"validation\":8,\"test\":9,\"zeta\":\"z\",\"alpha\":null}",
        Json.COMPACT.newBuilder().serializeNulls().create().toJson(Json.ordered("train", 7, "validation", 8, "test", 9,
            "zeta", "z", "alpha", null)));
    assertThrows(IllegalArgumentException.class, () -> Json.ordered("a", 1, "b"));
    assertThrows(IllegalArgumentException.class, () -> Json.ordered("a", 1, "a", 2));
    assertThrows(IllegalArgumentException.class, () -> Json.ordered("a", null, "a", 2));
  }
}
