// `r2d judge`: LLM-as-a-judge scores for generated rationales on the published rubric, with 95 % CIs.
package dev.reason2decide.cli;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.ExampleReader;
import dev.reason2decide.data.Prediction;
import dev.reason2decide.data.ReadOptions;
import dev.reason2decide.data.RequiredExamples;
import dev.reason2decide.eval.report.PredictionFile;
import dev.reason2decide.io.InputOutputPaths;
import dev.reason2decide.io.OutputTarget;
import dev.reason2decide.llm.CachedChat;
import dev.reason2decide.llm.ChatClient;
import dev.reason2decide.llm.ChatException;
import dev.reason2decide.llm.Judge;
import dev.reason2decide.llm.JudgeReport;
import dev.reason2decide.llm.JudgeRubric;
import dev.reason2decide.llm.ResponseCache;
import dev.reason2decide.llm.RunProvenance;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Scores predicted rationales with a judge model. */
@Command(name = "judge", mixinStandardHelpOptions = true,
    description = {"Score each predicted rationale with an LLM judge (any OpenAI-compatible server) on the "
        + JudgeRubric.VERSION + " rubric: label_agreement, factual_support, clinical_soundness, each 1-5.",
        "Writes per-example scores (JSONL) and a summary (means with 95%% CIs); prints the summary."})
public final class JudgeCommand implements Callable<Integer> {
  @Option(names = "--predictions", required = true, description = "Predictions from r2d predict (JSONL or CSV).")
  Path predictions;

  @Option(names = "--gold", description = "Gold examples (matched by id, else by order); default: the gold "
      + "label and rationale carried in the predictions file.")
  Path gold;

  @Option(names = "--output", required = true, description = "Per-example scores (JSONL).")
  Path output;

  @Option(names = "--summary", description = "Summary JSON (default: <output>.summary.json).")
  Path summary;

  @Option(names = "--with-reference", description = "Show the judge the gold rationale as a reference.")
  boolean withReference;

  @Bounded(min = 0, max = 10)
  @Option(names = "--repairs", defaultValue = "2",
      description = "Follow-up turns after a malformed answer before recording it unscored (default: 2).")
  int repairs;

  @Bounded(min = 1, max = 131_072)
  @Option(names = "--max-tokens", defaultValue = "400", description = "Longest judge answer (default: 400).")
  int maxTokens;

  @Bounded(min = 0, max = 2)
  @Option(names = "--temperature", defaultValue = "0", description = "Judge temperature (default: 0).")
  double temperature;

  @Mixin
  LlmOptions llm;

  @Override
  public Integer call() throws InterruptedException {
    new InputOutputPaths().input("--predictions", predictions).input("--gold", gold).output("--output", output)
        .output("--summary", summary).output("--cache", llm.cache).check();
    List<Example> goldExamples = gold == null ? null
        : RequiredExamples.atLeastOne(new ExampleReader(ReadOptions.LLM).read(gold)).examples();
    List<Prediction> predicted = PredictionFile.readWithRationales(predictions);
    if (predicted.isEmpty()) {
      throw new IllegalArgumentException(predictions + ": no predictions (the file is empty, has only blank lines or"
          + " only a header row)");
    }
    List<Judge.Item> items = Judge.pair(predicted, goldExamples,
        gold == null ? predictions.toString() : gold.toString());
    Path cacheFile = llm.cacheFor(output);
    // a device or FIFO as --output gets no summary file beside it (the summary is printed all the same)
    Path summaryFile = summary != null ? summary
        : OutputTarget.sideFile(output, ".summary.json").orElse(null);
    Judge.Settings settings = new Judge.Settings(temperature, maxTokens, llm.seedOrNull(), repairs, withReference);
    ChatClient client = new ChatClient(llm.clientConfig());
    try (ResponseCache cache = ResponseCache.open(cacheFile)) {
      CachedChat chat = new CachedChat(client, cache);
      Judge judge = new Judge(chat, settings);
      AtomicInteger unscored = new AtomicInteger();
      List<Judge.Scored> results;
      try (Progress progress = Progress.start("judge", items.size(), llm.quiet)) {
        results = judge.run(items, s -> {
          if (!s.scored()) {
            unscored.incrementAndGet();
          }
          progress.extra(chat.cachedHits() + " cached, " + unscored.get() + " unscored, "
              + LlmOptions.tokens(chat.sentUsage()));
          progress.step(1);
        });
      } catch (ChatException e) {
        throw new IllegalStateException(e.getMessage() + "; " + cache.size() + " answers are saved in "
            + cacheFile + "; run the same command again to continue from there", e);
      }
      JudgeReport.writeScores(output, results);
      Map<String, Object> prov = RunProvenance.of("judge", chat, judge.prompt(), temperature, maxTokens,
          llm.seedOrNull());
      prov.put("predictions", predictions.toString());
      prov.put("gold", gold == null ? null : gold.toString());
      prov.put("with_reference", withReference);
      prov.put("repairs", repairs);
      prov.put("usage", RunProvenance.usage(chat));
      Map<String, Object> s = JudgeReport.summary(results, prov);
      if (summaryFile != null) {
        JudgeReport.writeSummary(summaryFile, s);
      }
      System.out.print(JudgeReport.render(s));
      System.out.println("judge: scores in " + output + (summaryFile == null ? "" : ", summary in " + summaryFile));
      return 0;
    }
  }
}
