// Stage-1 data: asks an LLM for a rationale that justifies each example's gold label, with cache and checks.
package dev.reason2decide.llm;

import dev.reason2decide.data.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Writes rationales with an LLM. Each example is asked once (the {@link ResponseCache} makes a re-run free and
 * an interrupted run continue where it stopped). Every answer is cleaned ({@link AnswerCleaning}: reasoning blocks
 * and presentation wrappers removed, and noted per example); answers that are empty, empty once cleaned or cut off
 * by the token limit are rejected and reported, never written; with {@code checkLabel}, a second question asks
 * which label the rationale argues for and rationales that argue for another label are rejected.
 */
public final class RationaleGenerator {
  /** The built-in prompt (placeholders {input}, {label}; also {labels}, {id}). */
  public static final String DEFAULT_PROMPT = "rationale-prompt.txt";
  static final String CHECK_PROMPT = "label-check-prompt.txt";
  /** The reason (before its colon) of a rejected answer that held nothing but what cleaning removes. */
  public static final String EMPTY_ONCE_CLEANED = "empty once cleaned";

  /**
   * Generation settings.
   *
   * @param checkLabel ask, per rationale, which label it argues for, and reject those arguing for another
   */
  public record Settings(PromptTemplate prompt, double temperature, int maxTokens, Integer seed,
      boolean checkLabel) {
    /** The built-in prompt, temperature 0, 256 tokens (the paper's target length), seed 42, no label check. */
    public static Settings defaults() {
      return new Settings(defaultPrompt(), 0.0, 256, 42, false);
    }
  }

  /** Why an example got no rationale. */
  public record Rejection(String id, String reason, String answer) {}

  /** An accepted example with its rationale, and what cleaning removed from the answer it came from. */
  public record Generated(Example example, List<AnswerCleaning.Removed> cleaned) {
    /** The removed kinds by key, as written in the output's {@code cleaned} column. */
    public List<String> cleanedKeys() {
      return cleaned.stream().map(AnswerCleaning.Removed::key).toList();
    }
  }

  /** One example's outcome: the generated example, or a rejection. */
  public record Outcome(Generated generated, Rejection rejection, boolean fromCache, Usage usage) {
    public boolean accepted() {
      return rejection == null;
    }
  }

  /** The run: accepted examples in input order, rejections in input order. */
  public record Result(List<Generated> accepted, List<Rejection> rejected) {
    /** The accepted examples alone. */
    public List<Example> examples() {
      return accepted.stream().map(Generated::example).toList();
    }
  }

  private final CachedChat chat;
  private final Settings settings;
  private final PromptTemplate checkPrompt;

  public RationaleGenerator(CachedChat chat, Settings settings) {
    this.chat = chat;
    this.settings = settings;
    this.checkPrompt = PromptTemplate.resource(CHECK_PROMPT, Set.of("rationale", "labels"));
  }

  public static PromptTemplate defaultPrompt() {
    return PromptTemplate.resource(DEFAULT_PROMPT, Set.of("input", "label"));
  }

  /**
   * Generates rationales for all examples.
   *
   * @param onDone called as each example finishes (for progress)
   * @throws ChatException        on the first request that fails for good; answers so far stay cached
   * @throws InterruptedException when cancelled; answers so far stay cached
   */
  public Result run(List<Example> examples, Consumer<Outcome> onDone) throws InterruptedException {
    List<String> labels = List.copyOf(new TreeSet<>(examples.stream().map(Example::label).toList()));
    List<Outcome> outcomes = ParallelRun.map(examples, chat.client().config().maxConcurrency(),
        e -> generate(e, labels), onDone);
    List<Generated> accepted = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o.accepted()) {
        accepted.add(o.generated());
      } else {
        rejected.add(o.rejection());
      }
    }
    return new Result(accepted, rejected);
  }

  /** The request for one example (what the cache key is computed from). */
  public ChatRequest request(Example e, List<String> labels) {
    Map<String, String> values = Map.of("input", e.input(), "label", e.label(), "labels", String.join(", ", labels),
        "id", e.id());
    return new ChatRequest(chat.client().config().model(), settings.prompt().render(values),
        settings.temperature(), settings.maxTokens(), settings.seed());
  }

  private Outcome generate(Example e, List<String> labels) throws InterruptedException {
    CachedChat.Answer a = chat.ask("rationale", e.id(), request(e, labels));
    ChatResponse r = a.response();
    if (r.truncated()) {
      return reject(e, "truncated: the answer hit the token limit (finish_reason \"length\"; raise --max-tokens)",
          r, a);
    }
    AnswerCleaning.Cleaned cleaned = AnswerCleaning.clean(r);
    if (cleaned.isEmpty()) {
      return reject(e, cleaned.removed().isEmpty() ? "empty answer"
          : EMPTY_ONCE_CLEANED + ": the answer held nothing but " + String.join(", ", cleaned.keys()), r, a);
    }
    String text = cleaned.text();
    Usage usage = r.usage();
    if (settings.checkLabel()) {
      Map<String, String> values = Map.of("input", e.input(), "rationale", text, "labels", String.join(", ", labels),
          "label", e.label(), "id", e.id());
      ChatRequest check = new ChatRequest(chat.client().config().model(), checkPrompt.render(values), 0.0, 20,
          settings.seed());
      CachedChat.Answer c = chat.ask("label-check", e.id(), check);
      usage = usage.plus(c.response().usage());
      String answer = AnswerCleaning.clean(c.response()).text(); // a reasoning model thinks before it answers
      String argued = normalize(answer);
      boolean another = labels.stream().map(RationaleGenerator::normalize).anyMatch(argued::equals);
      if (!argued.equals(normalize(e.label())) && another) {
        return new Outcome(null, new Rejection(e.id(), "contradicts the gold label \"" + e.label()
            + "\": the rationale argues for \"" + answer + "\"", text), a.fromCache(), usage);
      }
    }
    String source = "llm:" + chat.client().config().model();
    return new Outcome(new Generated(e.withRationale(text, source), cleaned.removed()), null, a.fromCache(), usage);
  }

  private static Outcome reject(Example e, String reason, ChatResponse r, CachedChat.Answer a) {
    return new Outcome(null, new Rejection(e.id(), reason, r.content()), a.fromCache(), r.usage());
  }

  /** Lower case, outer quotes and final punctuation removed: how a one-word answer is compared with a label. */
  static String normalize(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    t = t.replaceAll("^[\"'`*\\s]+|[\"'`*.!\\s]+$", "");
    return t;
  }
}
