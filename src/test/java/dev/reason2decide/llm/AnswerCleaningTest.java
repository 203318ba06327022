// The cleaning of LLM answers, case by case: what is removed, what is kept, and what each row says was removed.
package dev.reason2decide.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerCleaningTest {
  private static final String R = "Chest pain with ST elevation needs an ECG now.";

  private static void cleans(String answer, String text, String... removed) {
    AnswerCleaning.Cleaned c = AnswerCleaning.clean(answer, false);
    assertEquals(text, c.text(), answer);
    assertEquals(List.of(removed), c.keys(), answer);
  }

  @Test
  void aPlainAnswerIsLeftAsItIs() {
    cleans(R, R);
    cleans("  " + R + "\n", R);
    // asterisks and underscores that are not emphasis, quotes inside, an apostrophe
    cleans("BP 80/50 * 2 readings; patient_id kept; the \"worst\" pain; it's acute.",
        "BP 80/50 * 2 readings; patient_id kept; the \"worst\" pain; it's acute.");
    cleans("\"Urgent\" fits, and \"routine\" does not.", "\"Urgent\" fits, and \"routine\" does not.");
    cleans("Rationale is given by the ECG.", "Rationale is given by the ECG.");
  }

  @Test
  void reasoningBlocksAreRemoved() {
    cleans("<think>\nThe user wants a rationale. ST elevation...\n</think>\n\n" + R, R, "think_block");
    cleans("<THINK>x</THINK>" + R, R, "think_block");
    cleans("<thinking>first</thinking>" + R, R, "think_block");
    cleans("<reasoning>Let me see.</reasoning>\n" + R, R, "reasoning_block");
    cleans("<think>a</think><reasoning>b</reasoning>" + R, R, "think_block", "reasoning_block");
    // the chat template opened the block in the prompt: only the closing tag is in the answer
    cleans("Okay, the case shows ST elevation, so...\n</think>\n\n" + R, R, "think_block");
    // an unclosed block at the start: everything is reasoning
    cleans("<think>\nThe patient is 54 and", "", "unclosed_reasoning");
    // a block in the middle, and one left open after the answer
    cleans("Chest pain <think>hmm</think>with ST elevation.", "Chest pain with ST elevation.", "think_block");
    cleans(R + "\n<think>Should I add more?", R, "unclosed_reasoning");
  }

  @Test
  void presentationWrappersAreRemoved() {
    cleans("Rationale: " + R, R, "label");
    cleans("rationale:" + R, R, "label");
    cleans("**Rationale:** " + R, R, "label");
    cleans("**Rationale**: " + R, R, "label");
    cleans("## Rationale\n" + R, R, "label");
    cleans("\"" + R + "\"", R, "quotes");
    cleans("“" + R + "”", R, "quotes");
    cleans("'" + R + "'", R, "quotes");
    cleans("```\n" + R + "\n```", R, "code_fence");
    cleans("```text\n" + R + "\n```", R, "code_fence");
    cleans("Chest pain with **ST elevation** needs an *ECG* now.", R, "markdown");
    cleans("Chest pain with __ST elevation__ needs an _ECG_ now.", R, "markdown");
    cleans("***Chest pain*** with ST elevation needs an ECG now.", R, "markdown");
  }

  @Test
  void wrappersInsideWrappersAreAllRemoved() {
    cleans("<think>x</think>\n```markdown\n**Rationale:** \"Chest pain with **ST elevation** needs an ECG now.\"\n```",
        R, "think_block", "code_fence", "label", "markdown", "quotes");
    cleans("\"Rationale: " + R + "\"", R, "label", "quotes");
    cleans("**\"" + R + "\"**", R, "markdown", "quotes");
  }

  @Test
  void aReasoningFieldIsNotedAndNeverUsed() {
    ChatResponse r = new ChatResponse(R, "The user asks for a rationale. " + R, "stop", Usage.NONE, "m");
    AnswerCleaning.Cleaned c = AnswerCleaning.clean(r);
    assertEquals(R, c.text());
    assertEquals(List.of("reasoning_field"), c.keys());
    AnswerCleaning.Cleaned empty = AnswerCleaning.clean(new ChatResponse("", R, "stop", Usage.NONE, "m"));
    assertTrue(empty.isEmpty(), "the reasoning field is not a fallback for an empty answer");
    assertEquals(List.of("reasoning_field"), empty.keys());
  }

  @Test
  void answersOfOnlyWrappersAreEmpty() {
    cleans("<think>It is urgent because</think>", "", "think_block");
    cleans("**Rationale:**", "", "label");
    cleans("```\n```", "", "code_fence");
    cleans("\"\"", "", "quotes");
  }
}
