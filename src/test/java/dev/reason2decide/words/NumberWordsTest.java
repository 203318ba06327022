// Number words both ways: every value 0 to 999 written and read back, and the spellings people use read too.
package dev.reason2decide.words;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberWordsTest {
  @Test
  void everyValueIsReadBackFromItsWords() {
    for (int n = 0; n <= 999; n++) {
      assertEquals(n, NumberWords.value(NumberWords.of(n)), NumberWords.of(n));
    }
  }

  @Test
  void otherSpellingsAreReadAndNonNumbersAreNot() {
    assertEquals(94, NumberWords.value("Ninety Four"));
    assertEquals(112, NumberWords.value("one hundred twelve"));
    assertEquals(200, NumberWords.value("TWO HUNDRED"));
    assertEquals(-1, NumberWords.value("ninety-"));
    assertEquals(-1, NumberWords.value("fourteenth"));
    assertEquals(-1, NumberWords.value("twenty twenty"));
    assertEquals(-1, NumberWords.value(null));
  }
}
