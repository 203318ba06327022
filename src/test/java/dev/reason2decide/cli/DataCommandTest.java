// The `r2d data` and `r2d tokenizer build` commands end to end on small files.
package dev.reason2decide.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.testing.CliRun;
import dev.reason2decide.tokens.TextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
  @TempDir
  Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void synthTriageThenTokenizerThenCheck() {
    Path data = dir.resolve("triage");
    assertEquals(0, run("data", "synth-triage", "--n", "200", "--seed", "1", "--out", data.toString()).code());
    for (String f : new String[] {"train.jsonl", "validation.jsonl", "test.jsonl", "dataset.json"}) {
      assertTrue(Files.isRegularFile(data.resolve(f)), f);
    }
    assertEquals(160, ExampleReader.readDefault(data.resolve("train.jsonl")).size());
    CliRun check = run("data", "check", data.resolve("test.jsonl").toString(), "--labels",
        "ESI-1,ESI-2,ESI-3,ESI-4,ESI-5");
    assertEquals(0, check.code(), check.err());
    assertTrue(check.out().contains("\"examples\":20"), check.out());
    assertTrue(check.out().contains("\"synth_triage_grammar\":{\"notes\":{\"2\":20}"), check.out());
    Path old = dir.resolve("old");
    assertEquals(0, run("data", "synth-triage", "--train", "30", "--validation", "5", "--test", "5", "--grammar", "1",
        "--out", old.toString()).code());
    CliRun oldCheck = run("data", "check", old.resolve("train.jsonl").toString());
    assertTrue(oldCheck.out().contains("\"synth_triage_grammar\":{\"notes\":{\"1\":30},\"rationales\":{\"1\":30}}"),
        oldCheck.out());
    Path held = dir.resolve("held");
    assertEquals(0, run("data", "synth-triage", "--train", "30", "--validation", "5", "--test", "7",
        "--held-out-forms", "hr:pulse-bpm", "--out", held.toString()).code());
    assertEquals(7, ExampleReader.readDefault(held.resolve("test_held_out_forms.jsonl")).size());
    CliRun bad = run("data", "synth-triage", "--train", "30", "--validation", "5", "--test", "7",
        "--held-out-forms", "hr:pulse-x", "--out", dir.resolve("bad").toString());
    assertTrue(bad.code() != 0 && bad.err().contains("no form 'pulse-x' in slot hr"), bad.err());
    Path tok = dir.resolve("tok");
    CliRun build = run("tokenizer", "build", "--corpus", data.resolve("train.jsonl").toString(), "--vocab-size", "700",
        "--out", tok.toString());
    assertEquals(0, build.code(), build.err());
    try (TextTokenizer t = TextTokenizer.load(tok)) {
      assertEquals("predict: HR 120", t.decode(t.encode("predict: HR 120")));
    }
  }

  @Test
  void synthTriageRationaleSourceIsRecordedAndCheckScoresTheGoldRationales() throws Exception {
    Path noisy = dir.resolve("noisy");
    CliRun gen = run("data", "synth-triage", "--train", "400", "--validation", "5", "--test", "5", "--rationale-source",
        "llm-noisy", "--noise-rate", "0.5", "--out", noisy.toString());
    assertEquals(0, gen.code(), gen.err());
    String card = Files.readString(noisy.resolve("dataset.json"));
    assertTrue(card.contains("\"train\": \"llm-noisy\"") && card.contains("\"held_out\": \"rules\"")
        && card.contains("\"noise_rate\": 0.5"), card);
    CliRun check = run("data", "check", noisy.resolve("train.jsonl").toString());
    assertEquals(0, check.code(), check.err());
    assertTrue(check.out().contains("\"gold_rationale_checks\":{\"wording\":{\"llm\":400},\"checks\":{"
        + "\"synthetic-llm-noisy\":{\"n\":400,\"unparsed_rationales\":0,\"decision_agreement\":1.0"), check.out());
    CliRun held = run("data", "check", noisy.resolve("test.jsonl").toString());
    assertTrue(held.out().contains("\"checks\":{\"synthetic\":{\"n\":5,\"unparsed_rationales\":0,"
        + "\"decision_agreement\":1.0,\"rationales_grounded\":1.0,\"cites_absent_finding\":0.0,"
        + "\"rule_correct\":1.0,\"fully_faithful\":1.0,\"shortfall\":0.0}"), held.out());
    CliRun rate = run("data", "synth-triage", "--train", "30", "--validation", "5", "--test", "5", "--rationale-source",
        "nurse", "--noise-rate", "0.2", "--out", dir.resolve("bad1").toString());
    assertTrue(rate.code() != 0 && rate.err().contains("--noise-rate is for --rationale-source llm-noisy, not nurse"),
        rate.err());
    CliRun stratified = run("data", "synth-triage", "--n", "100", "--rationale-source", "llm", "--out",
        dir.resolve("bad2").toString());
    assertTrue(stratified.code() != 0 && stratified.err().contains("--rationale-source llm needs --train"),
        stratified.err());
    CliRun unknown = run("data", "synth-triage", "--train", "30", "--validation", "5", "--test", "5",
        "--rationale-source", "doctor", "--out", dir.resolve("bad3").toString());
    assertTrue(unknown.code() != 0 && unknown.err().contains("unknown rationale source 'doctor'"), unknown.err());
  }

  @Test
  void shiftWritesOneFilePerKindAndFarTextFromPubMedQa() throws Exception {
    Path raw = dir.resolve("pqal");
    Files.createDirectories(raw);
    Files.writeString(raw.resolve("ori_pqal.json"), "{\"11\": {\"QUESTION\": \"Does coffee help? \"}, "
        + "\"22\": {\"QUESTION\": \"Is it safe?\"}}");
    Path out = dir.resolve("shift");
    CliRun r = run("data", "shift", "--n", "4", "--seed", "5", "--pubmedqa", raw.toString(), "--far", "5", "--out",
        out.toString());
    assertEquals(0, r.code(), r.err());
    for (String kind : new String[] {"lower", "upper", "order", "unseen-names", "numbers", "missing", "added-text",
        "typos"}) {
      assertEquals(4, new ExampleReader(ReadOptions.LLM).read(out.resolve(kind + ".jsonl")).size(), kind);
    }
    var far = new ExampleReader(ReadOptions.LLM).read(out.resolve("far.jsonl")).examples();
    assertEquals(2, far.size());
    assertTrue(far.stream().allMatch(e -> e.label().equals("out-of-domain")));
    assertEquals(java.util.Set.of("Does coffee help?", "Is it safe?"),
        far.stream().map(e -> e.input()).collect(java.util.stream.Collectors.toSet()));
    String card = Files.readString(out.resolve("dataset.json"));
    assertTrue(card.contains("\"unseen-names\""), card);

    Files.writeString(raw.resolve("ori_pqal.json"), "{\"11\": {\"CONTEXTS\": []}}");
    CliRun bad = run("data", "shift", "--n", "4", "--pubmedqa", raw.toString(), "--out", dir.resolve("s2").toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("ori_pqal.json: 11.QUESTION: missing or empty"), bad.err());
    assertFalse(Files.exists(dir.resolve("s2").resolve("lower.jsonl")));
  }

  @Test
  void checkFailsOnAMalformedRowUnlessSkipping() throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "question,label,rationale\nq,yes,r\nq,maybe,\n");
    CliRun strict = run("data", "check", f.toString());
    assertEquals(1, strict.code());
    assertTrue(strict.err().contains(f + ":3: field 'rationale': empty"), strict.err());
    CliRun skipping = run("data", "check", "--skip-malformed", f.toString());
    assertEquals(0, skipping.code(), skipping.err());
    assertTrue(skipping.out().contains("\"examples\":1"), skipping.out());
    assertTrue(skipping.out().contains("\"problem\":\"empty\""), skipping.out());
  }

  @Test
  void splitWritesStratifiedParts() throws Exception {
    Path f = dir.resolve("all.csv");
    StringBuilder sb = new StringBuilder("text,decision,why\n");
    for (int i = 0; i < 40; i++) {
      sb.append("case ").append(i).append(',').append(i % 4 == 0 ? "no" : "yes").append(",because ").append(i)
          .append('\n');
    }
    Files.writeString(f, sb.toString());
    Path out = dir.resolve("split");
    CliRun r = run("data", "split", f.toString(), "--out", out.toString(), "--input-column", "text", "--label-column",
        "decision", "--rationale-column", "why", "--fractions", "0.5,0.25,0.25", "--seed", "3");
    assertEquals(0, r.code(), r.err());
    // 10 no / 30 yes; validation 2.5 / 7.5 -> floors 2 + 7, the tie goes to the first label (no); test the rest
    assertTrue(r.out().contains("\"train\":{\"no\":5,\"yes\":15},\"validation\":{\"no\":3,\"yes\":7},"
        + "\"test\":{\"no\":2,\"yes\":8}"), r.out());
    assertEquals(20, ExampleReader.readDefault(out.resolve("train.jsonl")).size());
    assertFalse(Files.exists(out.resolve("all.jsonl")));
  }
}
