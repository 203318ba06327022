// `r2d rationales generate`: LLM-written rationales for training examples, resumable through an answer cache.
package dev.reason2decide.cli;

import dev.reason2decide.data.Columns;
import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.ExampleWriter;
import dev.reason2decide.data.FileFormat;
import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.data.RequiredExamples;
import dev.reason2decide.io.AtomicFiles;
import dev.reason2decide.io.InputOutputPaths;
import dev.reason2decide.io.Json;
import dev.reason2decide.io.OutputTarget;
import dev.reason2decide.llm.CachedChat;
import dev.reason2decide.llm.ChatClient;
import dev.reason2decide.llm.ChatException;
import dev.reason2decide.llm.PromptTemplate;
import dev.reason2decide.llm.RationaleGenerator;
import dev.reason2decide.llm.ResponseCache;
import dev.reason2decide.llm.RunProvenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Rationale tools; {@code generate} asks an LLM to justify each gold label. */
@Command(name = "rationales", mixinStandardHelpOptions = true,
    description = "Rationales for training examples.",
    subcommands = {RationalesCommand.Generate.class})
public final class RationalesCommand implements Runnable {
  /** The output column that lists, per example, what cleaning removed from the LLM's answer. */
  static final String CLEANED_COLUMN = "cleaned";

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** {@code r2d rationales generate}. */
  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = {"Ask an LLM (any OpenAI-compatible server) for a rationale justifying each example's gold "
          + "label; writes the examples with rationale and rationale_source = llm:<model>.",
          "Reasoning blocks (<think>...</think>) and wrappers (markdown, a \"Rationale:\" label, quotes, code "
              + "fences) are removed; the column cleaned lists what was removed from each.",
          "Answers are cached: an interrupted run continues where it stopped, a re-run makes no new calls."})
  public static final class Generate implements Callable<Integer> {
    @Option(names = "--input", required = true,
        description = "Examples (JSONL, CSV or TSV) with question (or input) and label.")
    Path input;

    @Option(names = "--output", required = true,
        description = "Where to write the examples with rationales (.jsonl, .csv or .tsv).")
    Path output;

    @Option(names = "--prompt", paramLabel = "FILE",
        description = "Prompt template with {input} and {label} (default: the built-in clinical prompt).")
    Path prompt;

    @Bounded(min = 0, max = 2)
    @Option(names = "--temperature", defaultValue = "0", description = "Sampling temperature (default: 0).")
    double temperature;

    @Bounded(min = 1, max = 131_072)
    @Option(names = "--max-tokens", defaultValue = "256", description = "Longest rationale in tokens; longer "
        + "answers are rejected as truncated (default: 256).")
    int maxTokens;

    @Option(names = "--check-label", description = "Ask a second question per rationale (which label does it "
        + "argue for?) and reject rationales that argue for another label than the gold one.")
    boolean checkLabel;

    @Mixin
    LlmOptions llm;

    @Override
    public Integer call() throws InterruptedException {
      new InputOutputPaths().input("--input", input).input("--prompt", prompt).output("--output", output)
          .output("--cache", llm.cache).check();
      FileFormat.of(output); // an unusable output name fails now, not after the LLM calls
      List<Example> examples = RequiredExamples.atLeastOne(new ExampleReader(ReadOptions.LLM).read(input)).examples();
      PromptTemplate template = prompt == null ? RationaleGenerator.defaultPrompt()
          : PromptTemplate.fromFile(prompt, Set.of("input", "label"));
      RationaleGenerator.Settings settings = new RationaleGenerator.Settings(template, temperature, maxTokens,
          llm.seedOrNull(), checkLabel);
      Path cacheFile = llm.cacheFor(output);
      ChatClient client = new ChatClient(llm.clientConfig());
      try (ResponseCache cache = ResponseCache.open(cacheFile)) {
        if (cache.loaded() > 0 && !llm.quiet) {
          System.err.println("rationales: " + cache.loaded() + " answers already in " + cacheFile
              + (cache.tornLineDropped() ? " (an incomplete last record was dropped)" : ""));
        }
        CachedChat chat = new CachedChat(client, cache);
        RationaleGenerator generator = new RationaleGenerator(chat, settings);
        AtomicInteger rejected = new AtomicInteger();
        RationaleGenerator.Result result;
        try (Progress progress = Progress.start("rationales", examples.size(), llm.quiet)) {
          result = generator.run(examples, o -> {
            if (!o.accepted()) {
              rejected.incrementAndGet();
            }
            progress.extra(chat.cachedHits() + " cached, " + rejected.get() + " rejected, "
                + LlmOptions.tokens(chat.sentUsage()));
            progress.step(1);
          });
        } catch (ChatException e) {
          throw new IllegalStateException(e.getMessage() + "; " + cache.size() + " answers are saved in "
              + cacheFile + "; run the same command again to continue from there", e);
        }
        List<List<String>> cleaned = result.accepted().stream().map(RationaleGenerator.Generated::cleanedKeys)
            .toList();
        new ExampleWriter(Columns.DEFAULT).write(output, result.examples(),
            new ExampleWriter.ListColumn(CLEANED_COLUMN, cleaned));
        Map<String, Object> prov = RunProvenance.of("rationales generate", chat, template, temperature,
            maxTokens, llm.seedOrNull());
        prov.put("input", input.toString());
        prov.put("output", output.toString());
        prov.put("check_label", checkLabel);
        prov.put("examples", examples.size());
        prov.put("accepted", result.accepted().size());
        prov.put("rejected", result.rejected().size());
        Map<String, Integer> reasons = new TreeMap<>();
        List<Map<String, String>> rejections = new ArrayList<>();
        for (RationaleGenerator.Rejection r : result.rejected()) {
          reasons.merge(r.reason().replaceAll(":.*", ""), 1, Integer::sum);
          Map<String, String> one = new LinkedHashMap<>();
          one.put("id", r.id());
          one.put("reason", r.reason());
          one.put("answer", r.answer().length() > 300 ? r.answer().substring(0, 300) + "..." : r.answer());
          rejections.add(one);
        }
        prov.put("rejected_by_reason", reasons);
        Map<String, Integer> cleanedByKind = new TreeMap<>();
        cleaned.forEach(kinds -> kinds.forEach(k -> cleanedByKind.merge(k, 1, Integer::sum)));
        prov.put("cleaned_examples", cleaned.stream().filter(k -> !k.isEmpty()).count());
        prov.put("cleaned_by_kind", cleanedByKind);
        prov.put("rejected_examples", rejections);
        prov.put("usage", RunProvenance.usage(chat));
        // a device or FIFO as --output gets no provenance file beside it
        Path provFile = OutputTarget.sideFile(output, ".provenance.json").orElse(null);
        if (provFile != null) {
          AtomicFiles.writeString(provFile, Json.PRETTY.toJson(prov) + "\n");
        }
        System.out.println("rationales: wrote " + result.accepted().size() + " of " + examples.size()
            + " examples to " + output + " (" + result.rejected().size() + " rejected"
            + (reasons.isEmpty() ? "" : ": " + reasons) + "; " + prov.get("cleaned_examples") + " cleaned"
            + (cleanedByKind.isEmpty() ? "" : ": " + cleanedByKind) + "); " + chat.sent() + " requests sent, "
            + chat.cachedHits() + " answered from the cache; " + chat.sentUsage()
            + (provFile == null ? "" : "; provenance in " + provFile));
        return 0;
      }
    }
  }
}
