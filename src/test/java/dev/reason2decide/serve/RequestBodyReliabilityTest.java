// Issue 26 item 16 over HTTP: a note of invisible characters is blank (422); a name given twice is refused (400).
package dev.reason2decide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RequestBodyReliabilityTest {
  @Test
  void aNoteOfOnlyZeroWidthAndBidiCharactersIs422Blank() {
    ApiError e = assertThrows(ApiError.class, () -> PredictRequest.single("{\"text\":\"\\u200b\\u2066\\u202e\"}", 100));
    assertEquals(422, e.status());
    assertEquals("field 'text' is blank (only spaces or invisible characters); send the note's text", e.getMessage());
  }

  @Test
  void aDuplicateNameIs400NamingIt() {
    ApiError e = assertThrows(ApiError.class, () -> PredictRequest.single("{\"text\":\"a\",\"text\":\"b\"}", 100));
    assertEquals(400, e.status());
    assertEquals("malformed JSON: the name 'text' appears twice in an object at line 1 column 19 path $.text",
        e.getMessage());
  }

  @Test
  void aNoteWithVisibleTextAmongInvisibleCharactersIsKept() throws ApiError {
    assertEquals("\u200bfever", PredictRequest.single("{\"text\":\"\\u200bfever\"}", 100));
  }
}
