// `r2d metrics`: one text metric on a hypothesis file and a reference file, printed as one JSON object.
package dev.reason2decide.cli;

import dev.reason2decide.eval.bertscore.Baseline;
import dev.reason2decide.eval.bertscore.BertScoreOptions;
import dev.reason2decide.eval.bertscore.BertScoreResult;
import dev.reason2decide.eval.bertscore.BertScorer;
import dev.reason2decide.eval.report.ReportJson;
import dev.reason2decide.eval.report.TextLines;
import dev.reason2decide.eval.text.ChrF;
import dev.reason2decide.eval.text.NltkBleu;
import dev.reason2decide.eval.text.Rouge;
import dev.reason2decide.eval.text.SacreBleu;
import dev.reason2decide.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Text metrics with the reference libraries' semantics; see docs/metrics.md. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = "Score hypotheses against references (one text per line) and print one JSON object.",
    subcommands = {MetricsCommand.Bleu.class, MetricsCommand.Chrf.class, MetricsCommand.RougeCmd.class,
        MetricsCommand.BertScore.class})
public final class MetricsCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** The two input files shared by every metric. */
  static final class TextFiles {
    @Option(names = "--hyp", required = true, description = "Hypotheses, one per line (an empty line is an empty text).")
    Path hyp;

    @Option(names = "--ref", required = true, description = "References, one per line, aligned with --hyp.")
    Path ref;

    List<List<String>> read() {
      return TextLines.readPair(hyp, ref);
    }

    /**
     * The one flow of every metric: reads both files, starts the object with metric and n, lets {@code fields} add
     * the metric's own fields, and prints the object as one JSON line.
     */
    int print(String metric, Fields fields) {
      List<List<String>> t = read();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("metric", metric);
      out.put("n", t.get(0).size());
      fields.add(t.get(0), t.get(1), out);
      System.out.println(Json.COMPACT.toJson(out));
      return 0;
    }
  }

  /** A metric's fields, scored from hypotheses and references and put into {@code out}. */
  interface Fields {
    void add(List<String> hyp, List<String> ref, Map<String, Object> out);
  }

  /** {@code r2d metrics bleu}. */
  @Command(name = "bleu", mixinStandardHelpOptions = true,
      description = "BLEU: --flavor nltk (the paper's: NLTK sentence BLEU, method4, mean, 0-1) or sacrebleu "
          + "(corpus BLEU, 13a, exp smoothing, 0-100, with sentence BLEU per line).")
  static final class Bleu implements Callable<Integer> {
    @Mixin
    TextFiles files;

    @Option(names = "--flavor", defaultValue = "nltk", description = "nltk or sacrebleu (default: ${DEFAULT-VALUE}).")
    String flavor;

    @Override
    public Integer call() {
      return files.print("bleu", (hyp, ref, out) -> {
        out.put("flavor", flavor);
        switch (flavor) {
          case "nltk" -> {
            NltkBleu.Result r = new NltkBleu().score(hyp, ref);
            out.put("score", r.score());
            out.put("per_line", r.perLine());
            out.put("settings", NltkBleu.settings());
          }
          case "sacrebleu" -> {
            SacreBleu.Result r = new SacreBleu().score(hyp, ref);
            out.put("score", r.corpus().score());
            out.put("signature", r.signature());
            out.put("counts", r.corpus().counts());
            out.put("totals", r.corpus().totals());
            out.put("precisions", r.corpus().precisions());
            out.put("bp", r.corpus().bp());
            out.put("sys_len", r.corpus().sysLen());
            out.put("ref_len", r.corpus().refLen());
            out.put("per_line", r.perLine());
            out.put("per_line_signature", r.sentenceSignature());
          }
          default -> throw new IllegalArgumentException("--flavor must be nltk or sacrebleu, not '" + flavor + "'");
        }
      });
    }
  }

  /** {@code r2d metrics chrf}. */
  @Command(name = "chrf", mixinStandardHelpOptions = true,
      description = "chrF (sacreBLEU defaults: character 6-grams, beta 2, no word n-grams), corpus and per line.")
  static final class Chrf implements Callable<Integer> {
    @Mixin
    TextFiles files;

    @Override
    public Integer call() {
      return files.print("chrf", (hyp, ref, out) -> {
        ChrF.Result r = new ChrF().score(hyp, ref);
        out.put("score", r.score());
        out.put("signature", r.signature());
        out.put("per_line", r.perLine());
      });
    }
  }

  /** {@code r2d metrics rouge}. */
  @Command(name = "rouge", mixinStandardHelpOptions = true,
      description = "ROUGE-1/2/L precision, recall, F (rouge-score tokens, no stemming): means and per line.")
  static final class RougeCmd implements Callable<Integer> {
    @Mixin
    TextFiles files;

    @Override
    public Integer call() {
      return files.print("rouge", (hyp, ref, out) -> {
        Rouge.Result r = new Rouge().score(hyp, ref);
        out.put("rouge1", r.mean().rouge1().toMap());
        out.put("rouge2", r.mean().rouge2().toMap());
        out.put("rougeL", r.mean().rougeL().toMap());
        List<Object> per = new ArrayList<>();
        for (Rouge.Scores s : r.perLine()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("rouge1", s.rouge1().toMap());
          m.put("rouge2", s.rouge2().toMap());
          m.put("rougeL", s.rougeL().toMap());
          per.add(m);
        }
        out.put("per_line", per);
        out.put("settings", Rouge.settings());
      });
    }
  }

  /** {@code r2d metrics bertscore}. */
  @Command(name = "bertscore", mixinStandardHelpOptions = true,
      description = "BERTScore P/R/F (bert_score semantics) with a BERT or RoBERTa checkpoint folder; "
          + "the paper: roberta-large, --layer 17.")
  static final class BertScore implements Callable<Integer> {
    @Mixin
    TextFiles files;

    @Option(names = "--model", required = true, description = "Folder with config.json, model.safetensors, tokenizer.json.")
    Path model;

    @Bounded(min = 0, max = 256)
    @Option(names = "--layer", required = true, description = "Hidden layer to match (0 = embeddings).")
    int layer;

    @Option(names = "--idf", description = "Weight tokens by idf over the references.")
    boolean idf;

    @Bounded(min = -1, max = 1)
    @Option(names = "--baseline", description = "Rescale P, R, F with (x - B)/(1 - B).")
    Double baseline;

    @Option(names = "--baseline-file", description = "bert_score baseline file (LAYER,P,R,F rows); its row --layer is used.")
    Path baselineFile;

    @Override
    public Integer call() {
      if (baseline != null && baselineFile != null) {
        throw new IllegalArgumentException("give --baseline or --baseline-file, not both");
      }
      Baseline b = baseline != null ? Baseline.constant(baseline)
          : baselineFile != null ? Baseline.fromFile(baselineFile, layer) : null;
      return files.print("bertscore", (hyp, ref, out) -> {
        try (BertScorer scorer = BertScorer.load(model, layer)) {
          BertScoreResult r = scorer.score(hyp, ref, BertScoreOptions.of(layer).withIdf(idf).withBaseline(b));
          out.putAll(ReportJson.bertscore(r));
          List<Object> per = new ArrayList<>();
          for (BertScoreResult.Pair p : r.perLine()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("P", p.p());
            m.put("R", p.r());
            m.put("F", p.f());
            per.add(m);
          }
          out.put("per_line", per);
          Map<String, Object> settings = new LinkedHashMap<>();
          settings.put("model", model.toAbsolutePath().normalize().toString());
          settings.put("layer", layer);
          settings.put("idf", idf);
          settings.put("baseline", b == null ? null : b.source());
          out.put("settings", settings);
          if (r.truncatedHypotheses() + r.truncatedReferences() > 0) {
            System.err.println("r2d metrics bertscore: " + r.truncatedHypotheses() + " hypotheses and "
                + r.truncatedReferences() + " references were longer than " + r.maxTokens()
                + " tokens and were truncated");
          }
        }
      });
    }
  }
}
