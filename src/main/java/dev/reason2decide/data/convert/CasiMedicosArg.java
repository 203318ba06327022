// Converts CasiMedicos-Arg English (IOB2 token files) into examples: clinical case + options, answer 1-5, explanation.
package dev.reason2decide.data.convert;

import dev.reason2decide.data.DatasetCard;
import dev.reason2decide.data.DatasetFolder;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.LabelSet;
import dev.reason2decide.data.MalformedExampleException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CasiMedicos-Arg (Sviridova et al. 2024, CC BY 4.0), English. Each file has one {@code token TAG} per line and
 * blank lines between sentences; a document starts at the tokens {@code QUESTION TYPE:}. Input: the clinical
 * case, question and five options (after {@code CLINICAL CASE:}, before {@code CORRECT ANSWER:}); label: the
 * answer number 1..5; rationale: the doctors' explanation after it (source {@code human}). Splits: the fixed
 * {@code train.tsv}, {@code dev.tsv} (as validation) and {@code test.tsv}. The argument tags are not used.
 */
public final class CasiMedicosArg {
  public static final LabelSet LABELS = LabelSet.of("1", "2", "3", "4", "5");
  private static final Map<String, String> FILES = Map.of("train", "train.tsv", "validation", "dev.tsv",
      "test", "test.tsv");

  private CasiMedicosArg() {}

  /** The folder holding train.tsv (the given one, or its {@code EN} sub-folder). */
  static Path folder(Path raw) {
    if (!Files.isRegularFile(raw.resolve("train.tsv")) && Files.isRegularFile(raw.resolve("EN/train.tsv"))) {
      return raw.resolve("EN");
    }
    return raw;
  }

  /** Reads the three splits from {@code raw} (the EN folder or its parent). */
  public static Map<String, List<Example>> convert(Path raw) {
    Path dir = folder(raw);
    Map<String, List<Example>> out = new LinkedHashMap<>();
    for (String split : List.of("train", "validation", "test")) {
      out.put(split, read(dir.resolve(FILES.get(split)), split));
    }
    return out;
  }

  /** Converts and writes the dataset folder. */
  public static Map<String, List<Example>> write(Path raw, Path outDir) {
    Map<String, List<Example>> splits = convert(raw);
    Path dir = folder(raw);
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("input", "clinical case + question + options (text before CORRECT ANSWER)");
    options.put("rationale", "explanation after CORRECT ANSWER: k");
    options.put("splits", "fixed: train.tsv, dev.tsv (validation), test.tsv");
    DatasetCard card = new DatasetCard("casimedicos-arg-en",
        "CasiMedicos-Arg, github.com/ixa-ehu/antidote-casimedicos (Sviridova et al., EMNLP 2024), English",
        "CC BY 4.0 (attribute Sviridova et al. 2024; Agerri et al. 2023; Goenaga et al. 2024)", false, 0, LABELS,
        List.of(dir.resolve("train.tsv"), dir.resolve("dev.tsv"), dir.resolve("test.tsv")), options);
    DatasetFolder.write(outDir, splits, card);
    return splits;
  }

  /** A token and the line it is on. */
  private record Token(String text, int line) {}

  /** Reads one IOB2 file into examples with ids {@code casimedicos-<split>-<n>}. */
  public static List<Example> read(Path file, String split) {
    List<List<Token>> docs = documents(file);
    List<Example> out = new ArrayList<>();
    for (List<Token> doc : docs) {
      String id = String.format(Locale.ROOT, "casimedicos-%s-%03d", split, out.size() + 1);
      out.add(example(file, id, doc));
    }
    return out;
  }

  private static List<List<Token>> documents(Path file) {
    List<List<Token>> docs = new ArrayList<>();
    List<Token> current = null;
    Token previous = null;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int line = 0;
      for (String text; (text = r.readLine()) != null; ) {
        line++;
        String t = text.strip();
        if (t.isEmpty()) {
          continue;
        }
        int cut = Math.max(t.lastIndexOf(' '), t.lastIndexOf('\t'));
        if (cut <= 0) {
          throw new MalformedExampleException(file, line, null, "expected 'token TAG', found '" + t + "'");
        }
        Token tok = new Token(t.substring(0, cut).strip(), line);
        if (tok.text().equals("TYPE:") && previous != null && previous.text().equals("QUESTION")) {
          if (current != null) {
            current.remove(current.size() - 1);
          }
          current = new ArrayList<>(List.of(previous));
          docs.add(current);
        } else if (current == null && previous != null) {
          throw new MalformedExampleException(file, previous.line(), null,
              "text before the first 'QUESTION TYPE:'");
        }
        if (current != null) {
          current.add(tok);
        }
        previous = tok;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
    }
    return docs;
  }

  private static Example example(Path file, String id, List<Token> doc) {
    int caseStart = 2;
    int answer = -1;
    for (int i = 0; i + 1 < doc.size(); i++) {
      String a = doc.get(i).text();
      String b = doc.get(i + 1).text();
      if (a.equals("CLINICAL") && b.equals("CASE:") && caseStart == 2) {
        caseStart = i + 2;
      }
      if (a.equals("CORRECT") && b.equals("ANSWER:")) {
        answer = i;
        break;
      }
    }
    int line = doc.get(0).line();
    if (answer < 0 || answer + 2 >= doc.size()) {
      throw new MalformedExampleException(file, line, "CORRECT ANSWER", "missing in the document starting here");
    }
    Token labelToken = doc.get(answer + 2);
    String label = labelToken.text().replaceAll("[.)]$", "");
    if (!LABELS.accepts(label)) {
      throw new MalformedExampleException(file, labelToken.line(), "CORRECT ANSWER",
          "expected 1..5, found '" + labelToken.text() + "'");
    }
    String input = join(doc.subList(caseStart, answer));
    String rationale = join(doc.subList(answer + 3, doc.size()));
    if (input.isBlank()) {
      throw new MalformedExampleException(file, line, "CLINICAL CASE", "empty");
    }
    if (rationale.isBlank()) {
      throw new MalformedExampleException(file, labelToken.line(), "explanation", "empty");
    }
    return new Example(id, input, label, rationale, "human");
  }

  private static String join(List<Token> tokens) {
    StringBuilder sb = new StringBuilder();
    for (Token t : tokens) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(t.text());
    }
    return sb.toString();
  }
}
