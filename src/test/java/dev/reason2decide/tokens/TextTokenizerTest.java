// Golden test: the tokenizer reproduces transformers' ids for the PubMed fixture, with and without </s>.
package dev.reason2decide.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TextTokenizerTest {
  private static long[] longs(JsonElement a) {
    return a.getAsJsonArray().asList().stream().mapToLong(JsonElement::getAsLong).toArray();
  }

  @Test
  void idsEqualTransformers() throws Exception {
    Path dir = Shared.fixture("tokenizer-pubmed-2k");
    JsonObject cases = JsonParser.parseString(Files.readString(dir.resolve("tokenizer_cases.json"))).getAsJsonObject();
    int n = 0;
    try (TextTokenizer tok = TextTokenizer.load(dir)) {
      for (JsonElement c : cases.getAsJsonArray("cases")) {
        JsonObject o = c.getAsJsonObject();
        String text = o.get("text").getAsString();
        assertArrayEquals(longs(o.get("ids")), tok.encode(text), text);
        assertArrayEquals(longs(o.get("ids_no_special")), tok.encodePlain(text), text);
        if (o.has("decoded")) {
          assertEquals(o.get("decoded").getAsString(), tok.decode(tok.encode(text)), text);
        }
        n++;
      }
    }
    assertTrue(n > 0);
  }

  @Test
  void truncationKeepsEosAndSaysSo() {
    try (TextTokenizer tok = TextTokenizer.load(Shared.fixture("tokenizer-pubmed-2k"))) {
      String text = "predict: Do mitochondria play a role in remodelling lace plant leaves during programmed cell death?";
      long[] full = tok.encode(text);
      TextTokenizer.Tokens cut = tok.encode(text, 5);
      assertEquals(5, cut.ids().length);
      assertEquals(tok.eosId(), cut.ids()[4]);
      assertTrue(cut.truncated());
      // the text was cut by characters before tokenizing: the full length is known to be more than the limit
      assertTrue(cut.fullLength() > 5 && cut.fullLength() <= full.length, "full length " + cut.fullLength());
      assertArrayEquals(java.util.Arrays.copyOf(full, 4), java.util.Arrays.copyOf(cut.ids(), 4));
      TextTokenizer.Tokens whole = tok.encode(text, 1024);
      assertArrayEquals(full, whole.ids());
      assertEquals(false, whole.truncated());
    }
  }
}
