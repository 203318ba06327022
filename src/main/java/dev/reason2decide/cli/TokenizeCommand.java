// `r2d tokenize`: prints the ids of texts as the checkpoint's tokenizer produces them.
package dev.reason2decide.cli;

import dev.reason2decide.io.Json;
import dev.reason2decide.tokens.TextTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Tokenizes texts and prints one JSON object: ids per text (with {@code </s>}, as transformers adds it). */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
    description = "Print token ids of TEXTs as JSON (ids end with </s> unless --no-special).")
public final class TokenizeCommand implements Callable<Integer> {
  @Option(names = "--tokenizer", required = true, description = "Folder with tokenizer.json (or the file).")
  Path tokenizer;

  @Option(names = "--no-special", description = "Leave out the closing </s>.")
  boolean noSpecial;

  @Option(names = "--tokens", description = "Also print the pieces.")
  boolean tokens;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Texts to tokenize.")
  List<String> texts;

  @Override
  public Integer call() {
    try (TextTokenizer tok = TextTokenizer.load(tokenizer)) {
      List<Object> out = new ArrayList<>();
      for (String t : texts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", t);
        m.put("ids", noSpecial ? tok.encodePlain(t) : tok.encode(t));
        if (tokens) {
          m.put("tokens", tok.pieces(t));
        }
        out.add(m);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("tokenizer", tok.source().toString());
      result.put("results", out);
      System.out.println(Json.COMPACT.toJson(result));
    }
    return 0;
  }
}
