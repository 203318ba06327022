// The work of one partition: check each note, decide the good ones in batches with the executor's model, emit rows.
package dev.reason2decide.spark;

import dev.reason2decide.data.Example;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.eval.report.PredictionRow;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.runs.ModelCard;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * Reads notes in {@link NoteColumns}' layout and returns, lazily and in input order, one row per note: the
 * {@link PredictionRow} fields followed by two columns, the reason a note is bad (null for a decided note) and its
 * source file. Good notes are decided {@code batchSize} at a time, as {@code r2d predict} does. A note is bad when
 * its line is not JSON, it has no id, its text is missing or blank, or its prediction prompt has more tokens than
 * the model reads ({@code max_input_tokens} in r2d.json) unless {@code truncate} is set, in which case it is
 * decided truncated exactly as {@code r2d predict} decides it.
 */
final class PartitionPredictor implements FlatMapFunction<Iterator<Row>, Row> {
  private static final long serialVersionUID = 1L;

  private final String model;
  private final List<String> labels;
  private final String device;
  private final int batchSize;
  private final boolean truncate;
  private final BadRowPolicy policy;
  private final NoteColumns columns;
  private final PredictionSchema schema;

  /** {@code device} is the driver's {@code --device} ({@link DeviceSpec#toString()}), the same on every executor. */
  PartitionPredictor(String model, List<String> labels, DeviceSpec device, int batchSize, boolean truncate,
      BadRowPolicy policy, NoteColumns columns, PredictionSchema schema) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
    }
    this.model = model;
    this.labels = labels == null ? null : List.copyOf(labels);
    this.device = device.toString();
    this.batchSize = batchSize;
    this.truncate = truncate;
    this.policy = policy;
    this.columns = columns;
    this.schema = schema;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> notes) {
    TaskContext task = TaskContext.get();
    ExecutorModels.useThreads(task == null ? 1 : task.cpus());
    ExecutorModels.Loaded loaded = ExecutorModels.get(model, labels, DeviceSpec.parse("--device", device));
    return new Iterator<>() {
      private final ArrayDeque<Row> ready = new ArrayDeque<>();

      @Override
      public boolean hasNext() {
        if (ready.isEmpty()) {
          fill(notes, loaded);
        }
        return !ready.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.poll();
      }

      /** Reads notes until a batch is full (or the input ends), decides it, and queues every row read. */
      private void fill(Iterator<Row> in, ExecutorModels.Loaded m) {
        List<Row> pending = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<Example> batch = new ArrayList<>();
        while (in.hasNext() && batch.size() < batchSize) {
          Row r = in.next();
          String reason = problem(r, m);
          if (reason != null && policy == BadRowPolicy.FAIL) {
            throw new BadRowException(describe(r) + ": " + reason);
          }
          pending.add(r);
          reasons.add(reason);
          if (reason == null) {
            batch.add(example(r));
          }
        }
        List<Decision> decided = m.model().decideAll(batch.stream().map(Example::input).toList());
        int next = 0;
        for (int i = 0; i < pending.size(); i++) {
          Row r = pending.get(i);
          String reason = reasons.get(i);
          List<String> carried = carried(r);
          String file = r.getString(NoteColumns.FILE);
          if (reason == null) {
            Example e = batch.get(next);
            ready.add(schema.toRow(PredictionRow.of(e, decided.get(next), m.model().labels()), carried, null, file));
            next++;
          } else {
            ready.add(schema.emptyRow(r.getString(NoteColumns.ID), input(r), carried, reason, file));
          }
        }
      }
    };
  }

  /** Why a note cannot be decided, or null when it can. */
  private String problem(Row r, ExecutorModels.Loaded m) {
    if (!r.isNullAt(NoteColumns.CORRUPT)) {
      return "not a valid JSON record: " + abbreviate(r.getString(NoteColumns.CORRUPT));
    }
    String id = r.getString(NoteColumns.ID);
    if (id == null || id.isBlank()) {
      return "no id (column '" + columns.id() + "')";
    }
    String text = r.getString(NoteColumns.TEXT);
    if (text == null || text.isBlank()) {
      return "missing text (column '" + columns.text() + "')";
    }
    if (!truncate) {
      ModelCard card = m.model().card();
      int tokens = m.tokenizer().encode(card.prompts().predict(text), Integer.MAX_VALUE).fullLength();
      if (tokens > card.maxInputTokens()) {
        return "input too long: " + tokens + " tokens with the prediction prompt, the model reads "
            + card.maxInputTokens() + " (max_input_tokens in r2d.json; --truncate decodes it cut, as r2d predict "
            + "does)";
      }
    }
    return null;
  }

  private static Example example(Row r) {
    String label = r.getString(NoteColumns.LABEL);
    String rationale = r.getString(NoteColumns.RATIONALE);
    // as ExampleReader makes them: id and label stripped, absent label and rationale empty
    return new Example(r.getString(NoteColumns.ID).strip(), r.getString(NoteColumns.TEXT),
        label == null ? "" : label.strip(), rationale == null ? "" : rationale, "");
  }

  private static String input(Row r) {
    return r.isNullAt(NoteColumns.CORRUPT) ? r.getString(NoteColumns.TEXT) : r.getString(NoteColumns.CORRUPT);
  }

  private List<String> carried(Row r) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < columns.carry().size(); i++) {
      out.add(r.getString(NoteColumns.CARRY + i));
    }
    return out;
  }

  /** "file: note 'id'" for messages. */
  private static String describe(Row r) {
    String id = r.getString(NoteColumns.ID);
    return r.getString(NoteColumns.FILE) + ": " + (id == null || id.isBlank() ? "a note without id" : "note '" + id
        + "'");
  }

  private static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() <= 80 ? one : one.substring(0, 77) + "...";
  }
}
