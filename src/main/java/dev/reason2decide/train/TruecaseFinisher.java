// The end of training for a case-folding model: truecase.json fitted on the rationales it learned to write.
package dev.reason2decide.train;

import com.google.gson.JsonObject;
import dev.reason2decide.io.Json;
import dev.reason2decide.runs.ModelFolder;
import dev.reason2decide.tokens.CaseFolding;
import dev.reason2decide.tokens.Truecase;
import dev.reason2decide.tokens.TruecaseFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A model whose tokenizer folds case ({@link CaseFolding}) decodes lower-case rationales; its folder gets
 * {@link TruecaseFile#JSON}, fitted ({@link Truecase#fit}) on the training rationales (Stage-1's too, when the run
 * had separate ones), and inference recases every rationale with it. A tokenizer that keeps case gets no file. The
 * folder's {@code provenance.json}, when it has one, records under {@code truecase} that rationales are recased and
 * what the fit saw.
 */
public final class TruecaseFinisher {
  private TruecaseFinisher() {}

  /** Fits and writes the truecase of {@code modelDir} when its tokenizer folds case; empty (nothing written) if not. */
  public static Optional<Truecase> fitInto(Path modelDir, List<String> rationales) {
    if (!CaseFolding.folds(modelDir)) {
      return Optional.empty();
    }
    Truecase t = Truecase.fit(rationales);
    TruecaseFile.write(modelDir, t);
    Path provenance = new ModelFolder(modelDir).provenance();
    if (Files.exists(provenance)) {
      JsonObject p = Json.readObject(provenance);
      JsonObject note = new JsonObject();
      note.addProperty("file", TruecaseFile.JSON);
      note.addProperty("rationales_recased", true);
      t.fitted().forEach(note::addProperty);
      note.addProperty("forms", t.forms().size());
      note.addProperty("sentence_capital", t.sentenceCapital());
      p.add("truecase", note);
      Json.writePretty(provenance, p);
    }
    return Optional.of(t);
  }

  /** The run's rationales: the training examples', then Stage-1's separate ones when there are any. */
  static List<String> rationales(TrainingRun.Data data) {
    List<String> out = new ArrayList<>();
    data.train().forEach(e -> out.add(e.rationale()));
    if (data.stage1Train() != null && data.stage1Train() != data.train()) {
      data.stage1Train().forEach(e -> out.add(e.rationale()));
    }
    return out;
  }
}
