// Malformed raw files make the converters fail with the file, line or key and what is wrong.
package dev.reason2decide.data.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.MalformedExampleException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConverterErrorsTest {
  @TempDir
  Path dir;

  private static final String DOC = "QUESTION O\nTYPE: O\nX O\n\nCLINICAL O\nCASE: O\n\nA B-Premise\ncase. I-Premise\n"
      + "\n1- O\nyes. O\n\nCORRECT O\nANSWER: O\n%s O\n\nBecause O\nso. O\n\n";

  @Test
  void casiMedicosBadAnswerMissingAnswerAndMissingTag() throws Exception {
    Path f = dir.resolve("train.tsv");
    Files.writeString(f, DOC.formatted("1") + DOC.formatted("7"));
    MalformedExampleException bad = assertThrows(MalformedExampleException.class,
        () -> CasiMedicosArg.read(f, "train"));
    assertEquals(36, bad.line()); // each document is 20 lines; the answer is on its line 16
    assertTrue(bad.problem().contains("expected 1..5, found '7'"), bad.getMessage());
    Files.writeString(f, DOC.formatted("2").replace("CORRECT O\nANSWER: O\n", ""));
    MalformedExampleException missing = assertThrows(MalformedExampleException.class,
        () -> CasiMedicosArg.read(f, "train"));
    assertEquals(1, missing.line());
    assertEquals("CORRECT ANSWER", missing.field());
    Files.writeString(f, "QUESTION O\nTYPE:\n");
    assertEquals(2, assertThrows(MalformedExampleException.class, () -> CasiMedicosArg.read(f, "train")).line());
    assertEquals("2", CasiMedicosArg.read(writeDoc("2"), "train").get(0).label());
  }

  private Path writeDoc(String label) throws Exception {
    Path f = dir.resolve("ok.tsv");
    Files.writeString(f, DOC.formatted(label));
    return f;
  }

  @Test
  void medMcqaBadJsonAndBadAnswer() throws Exception {
    Path f = dir.resolve("dev.json");
    String good = "{\"id\":\"a\",\"question\":\"q\",\"exp\":\"e\",\"cop\":2,\"opa\":\"1\",\"opb\":\"2\",\"opc\":\"3\","
        + "\"opd\":\"4\"}\n";
    Files.writeString(f, good + "{oops\n");
    assertEquals(2, assertThrows(MalformedExampleException.class, () -> MedMcqa.read(f)).line());
    Files.writeString(f, good + good.replace("\"cop\":2", "\"cop\":5"));
    MalformedExampleException cop = assertThrows(MalformedExampleException.class, () -> MedMcqa.read(f));
    assertEquals("cop", cop.field());
    Files.writeString(f, good + good.replace("\"opc\":\"3\"", "\"opc\":\"\""));
    assertEquals("opc", assertThrows(MalformedExampleException.class, () -> MedMcqa.read(f)).field());
    Files.writeString(f, good + good.replace("\"exp\":\"e\"", "\"exp\":null"));
    MedMcqa.Kept kept = MedMcqa.read(f);
    assertEquals(2, kept.questions());
    assertEquals(1, kept.examples().size());
    assertEquals("B", kept.examples().get(0).label());
  }

  @Test
  void pubmedQaUnknownLabelAndMissingTestIds() throws Exception {
    Files.writeString(dir.resolve("ori_pqal.json"), "{\"1\":{\"QUESTION\":\"q\",\"CONTEXTS\":[\"c\"],"
        + "\"final_decision\":\"perhaps\",\"LONG_ANSWER\":\"l\"}}");
    Files.writeString(dir.resolve("test_ground_truth.json"), "{\"1\":\"yes\"}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PubMedQa.convert(new PubMedQa.Options(dir)));
    assertTrue(e.getMessage().contains("1.final_decision: unknown label 'perhaps'"), e.getMessage());
    Files.writeString(dir.resolve("ori_pqal.json"), "{\"1\":{\"QUESTION\":\"q\",\"CONTEXTS\":[\"c\"],"
        + "\"final_decision\":\"yes\",\"LONG_ANSWER\":\"l\"}}");
    Files.writeString(dir.resolve("test_ground_truth.json"), "{\"1\":\"yes\",\"2\":\"no\"}");
    e = assertThrows(IllegalArgumentException.class, () -> PubMedQa.convert(new PubMedQa.Options(dir, 0, 0)));
    assertTrue(e.getMessage().contains("1 test ids are missing"), e.getMessage());
  }
}
