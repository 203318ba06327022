// LLM-as-a-judge: scores each rationale on the published rubric; malformed answers retried, then left unscored.
package dev.reason2decide.llm;

import dev.reason2decide.data.Example;
import dev.reason2decide.data.Prediction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Scores rationales with a judge model. Each prediction is one conversation: the judge prompt, and when the
 * answer cannot be read as a {@link JudgeVerdict}, up to {@code repairs} follow-up turns that show the judge its
 * answer and what is wrong with it. After that the example is recorded as unscored, with the reason; a score is
 * never guessed. Every turn goes through the {@link ResponseCache}, so re-runs and resumed runs ask nothing twice.
 */
public final class Judge {
  static final String PROMPT = "judge-prompt.txt";

  /**
   * Judge settings.
   *
   * @param repairs       follow-up turns after a malformed answer
   * @param withReference show the judge the gold (reference) rationale as well
   */
  public record Settings(double temperature, int maxTokens, Integer seed, int repairs, boolean withReference) {
    /** Temperature 0, 400 tokens, seed 42, 2 repairs, no reference. */
    public static Settings defaults() {
      return new Settings(0.0, 400, 42, 2, false);
    }
  }

  /** What is judged: a prediction and, when known, the gold label and rationale. */
  public record Item(String id, String input, String predictedLabel, String rationale, String goldLabel,
      String goldRationale) {}

  /** One judged item: the verdict, or null with the reason it is unscored. */
  public record Scored(Item item, JudgeVerdict verdict, String unscoredReason, int turns, String lastAnswer,
      boolean fromCache) {
    public boolean scored() {
      return verdict != null;
    }
  }

  private final CachedChat chat;
  private final Settings settings;
  private final PromptTemplate prompt;

  public Judge(CachedChat chat, Settings settings) {
    this.chat = chat;
    this.settings = settings;
    this.prompt = PromptTemplate.resource(PROMPT, Set.of("input", "predicted_label", "rationale", "rubric"));
  }

  public PromptTemplate prompt() {
    return prompt;
  }

  /**
   * Pairs predictions with gold examples: by id when every prediction's id is among the gold ids, else by
   * position (then the counts must match, and inputs, where both files have them, must agree). A prediction
   * without an id (the authors' CSV has none) takes its 1-based position as id.
   */
  public static List<Item> pair(List<Prediction> predictions, List<Example> gold, String goldSource) {
    List<String> ids = new ArrayList<>(predictions.size());
    for (int i = 0; i < predictions.size(); i++) {
      String id = predictions.get(i).id();
      ids.add(id != null ? id : Integer.toString(i + 1));
    }
    List<Item> out = new ArrayList<>(predictions.size());
    if (gold == null) {
      for (int i = 0; i < predictions.size(); i++) {
        Prediction p = predictions.get(i);
        out.add(new Item(ids.get(i), p.input() == null ? "" : p.input(), p.predictedLabel(), p.predictedRationale(),
            p.goldLabel(), p.goldRationale()));
      }
      return out;
    }
    Map<String, Example> byId = new HashMap<>();
    gold.forEach(g -> byId.put(g.id(), g));
    boolean idsMatch = byId.keySet().containsAll(ids);
    if (!idsMatch && predictions.size() != gold.size()) {
      throw new IllegalArgumentException(goldSource + ": ids do not match the predictions and the counts differ ("
          + gold.size() + " gold, " + predictions.size() + " predictions)");
    }
    for (int i = 0; i < predictions.size(); i++) {
      Prediction p = predictions.get(i);
      Example g = idsMatch ? byId.get(ids.get(i)) : gold.get(i);
      String input = p.input() == null || p.input().isBlank() ? g.input() : p.input();
      if (!input.strip().equals(g.input().strip())) {
        throw new IllegalArgumentException(goldSource + ": example " + (idsMatch ? "\"" + ids.get(i) + "\""
            : "at position " + (i + 1)) + " has another input text than the prediction");
      }
      out.add(new Item(ids.get(i), input, p.predictedLabel(), p.predictedRationale(), g.label(), g.rationale()));
    }
    return out;
  }

  /** Judges all items (in parallel, bounded by the client's concurrency), results in input order. */
  public List<Scored> run(List<Item> items, Consumer<Scored> onDone) throws InterruptedException {
    return ParallelRun.map(items, chat.client().config().maxConcurrency(), this::judge, onDone);
  }

  /** The first request for an item. */
  public ChatRequest request(Item item) {
    String reference = "";
    if (settings.withReference() && item.goldRationale() != null && !item.goldRationale().isBlank()) {
      reference = "\nFor reference, a rationale written by clinicians for the correct decision \""
          + item.goldLabel() + "\" (it may disagree with the model's decision):\n" + item.goldRationale() + "\n";
    }
    Map<String, String> values = Map.of("input", item.input(), "predicted_label", item.predictedLabel(),
        "rationale", item.rationale(), "reference", reference, "rubric", JudgeRubric.text(),
        "format", JudgeRubric.answerFormat());
    return new ChatRequest(chat.client().config().model(), prompt.render(values), settings.temperature(),
        settings.maxTokens(), settings.seed());
  }

  private Scored judge(Item item) throws InterruptedException {
    if (item.rationale() == null || item.rationale().isBlank()) {
      return new Scored(item, null, "the predicted rationale is empty", 0, "", true);
    }
    ChatRequest request = request(item);
    boolean allCached = true;
    String problem = null;
    String answer = "";
    for (int turn = 1; turn <= 1 + settings.repairs(); turn++) {
      CachedChat.Answer a = chat.ask("judge", item.id(), request);
      allCached &= a.fromCache();
      answer = a.response().content();
      try {
        if (a.response().truncated()) {
          throw new JudgeVerdict.Malformed("the answer was cut off by the token limit");
        }
        // a reasoning model's chain of thought may hold braces of its own: the verdict is read after it
        return new Scored(item, JudgeVerdict.parse(AnswerCleaning.withoutReasoning(answer)), null, turn, answer,
            allCached);
      } catch (JudgeVerdict.Malformed m) {
        problem = m.getMessage();
      }
      request = request.followedBy(ChatMessage.assistant(answer), ChatMessage.user("Your answer cannot be used: "
          + problem + ". Answer again with only the JSON object, exactly in this format:\n"
          + JudgeRubric.answerFormat()));
    }
    return new Scored(item, null, "malformed answer after " + (1 + settings.repairs()) + " tries: " + problem,
        1 + settings.repairs(), answer, allCached);
  }
}
