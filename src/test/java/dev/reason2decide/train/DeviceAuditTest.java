// A training step, decoding and prediction on the configured device: every tensor they leave is on it.
package dev.reason2decide.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.reason2decide.batches.TokenBatch;
import dev.reason2decide.decode.BeamSearch;
import dev.reason2decide.decode.GenerationSettings;
import dev.reason2decide.decode.GreedyDecoder;
import dev.reason2decide.engine.DeviceSpec;
import dev.reason2decide.engine.Engines;
import dev.reason2decide.engine.Grad;
import dev.reason2decide.inference.Decision;
import dev.reason2decide.inference.T5DecisionModel;
import dev.reason2decide.model.T5Init;
import dev.reason2decide.model.T5Model;
import dev.reason2decide.testing.DefaultDeviceGuard;
import dev.reason2decide.testing.Shared;
import dev.reason2decide.testing.TensorAudit;
import dev.reason2decide.testing.TinyModelFolder;
import dev.reason2decide.tokens.TextTokenizer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs with the device the tests configure (Surefire's {@code r2d.device=cpu}) while {@link DefaultDeviceGuard}
 * makes DJL's default device unusable: any tensor created in a manager that did not come from the model's root
 * throws, and every tensor that survives the step (weights, gradients, both AdamW moments, encoder states) is read
 * back from torch and must be on the configured device.
 */
class DeviceAuditTest {
  private static final List<String> LABELS = List.of("routine", "soon", "urgent");

  @TempDir
  Path tmp;

  @Test
  void theGuardIsOnForEveryTestClassAndTheConfiguredDeviceIsTheCpu() {
    // not installed by this class: the extension registered in META-INF/services did it
    assertEquals(DefaultDeviceGuard.UNCONFIGURED, Engines.pytorch().defaultDevice());
    assertEquals(DeviceSpec.CPU, DeviceSpec.fromEnvironment());
    assertEquals(DeviceSpec.CPU, TrainConfig.reference(Recipe.R2D).runtime().device());
  }

  @Test
  void aStage2StepWithSampledLabelsDropoutGumbelNoiseAndAnAdamWStepStaysOnTheDevice() {
    DeviceSpec device = DeviceSpec.fromEnvironment();
    // π = 0.5: greedy ŷ is decoded inside the step; dropout 0.1; the cycle loss draws Gumbel noise
    TrainConfig cfg = TrainSettings.with(TinyTraining.config(Recipe.R2DC_NO_ADAPTIVE, 400), "schedule", "constant",
        "pi-value", 0.5, "dropout", 0.1f, "device", device.toString());
    assertEquals(device, cfg.runtime().device());
    Phase stage2 = RecipePlan.phases(cfg).get(1);
    assertTrue(stage2.cycle());
    try (TextTokenizer tok = TextTokenizer.load(Shared.fixture("tokenizer-pubmed-2k"));
        NDManager root = Engines.newManager(cfg.runtime().device())) {
      assertEquals(device.toDjl(), root.getDevice());
      T5Model model = T5Init.create(T5Init.named("tiny", tok.vocabSize()), 3L, root);
      model.parameters().requireGradients(true);
      EncodedExamples enc = new EncodedExamples(TinyTraining.sixteen(), tok, cfg.prompts(), 128, 64, true);
      JointObjective objective = new JointObjective(model, enc, tok, cfg, stage2, LABELS);
      AdamW opt = new AdamW(AdamW.Settings.defaults(), root);
      Grad.seed(11);
      StepLosses r;
      try (NDManager m = root.newSubManager()) {
        r = objective.forwardBackward(m, new int[] {0, 2, 5, 7, 11, 13}, 80, 1f, new SplittableRandom(5));
      }
      assertTrue(r.lCycle() != null && r.predicted() > 0, "the step sampled labels and ran the cycle loss: " + r);
      Map<String, NDArray> params = model.parameters().all();
      Map<String, NDArray> grads = new LinkedHashMap<>();
      params.forEach((k, p) -> grads.put(k, p.getGradient()));
      opt.step(params, grads, 1e-3f);
      assertEquals(2 * params.size(), opt.moments().size());
      assertEquals(List.of(), TensorAudit.offDevice(device, params));
      assertEquals(List.of(), TensorAudit.offDevice(device, grads));
      assertEquals(List.of(), TensorAudit.offDevice(device, opt.moments()));

      try (NDManager m = root.newSubManager()) {
        NDArray[] in = TokenBatch.inputs(m, List.of(enc.predict[0], enc.predict[1]), 0);
        NDArray states = model.encode(in[0], in[1], false);                  // (2,S,D)
        long[][] greedy = GreedyDecoder.generate(model, states, in[1], GenerationSettings.greedy(6));
        long[][] beams = BeamSearch.generate(model, states, in[1], GenerationSettings.beam(6, 3));
        assertEquals(2, greedy.length);
        assertEquals(2, beams.length);
        assertEquals(List.of(), TensorAudit.offDevice(device, Map.of("ids", in[0], "mask", in[1], "states", states)));
      }
    }
  }

  @Test
  void aLoadedModelDecidesOnTheDeviceItWasGivenAndSaysSo() throws Exception {
    Path dir = TinyModelFolder.create(tmp.resolve("model"));
    try (T5DecisionModel m = T5DecisionModel.load(dir, null, DeviceSpec.CPU)) {
      assertEquals(DeviceSpec.CPU, m.device());
      assertEquals("cpu", m.describe().get("device"));
      List<Decision> d = m.decideAll(List.of("is aspirin useful?", "does sleep help memory?"));
      assertEquals(2, d.size());
      assertEquals(TinyModelFolder.LABELS, List.copyOf(d.get(0).probabilities().keySet()));
    }
  }

  @Test
  void provenanceListsTheDeviceOfEveryStartSoAMoveIsVisible() {
    assertEquals(List.of("cpu"), TrainingRun.devices(null, DeviceSpec.CPU));
    // a provenance.json written before devices were recorded: that run was on the CPU
    assertEquals(List.of("cpu", "gpu:0"), TrainingRun.devices(new JsonObject(), DeviceSpec.gpu(0)));
    JsonObject previous = JsonParser.parseString("{\"devices\": [\"cpu\", \"gpu:0\"]}").getAsJsonObject();
    assertEquals(List.of("cpu", "gpu:0", "cpu"), TrainingRun.devices(previous, DeviceSpec.CPU));
  }

  /** The audit can fail: the same tensors, expected on a GPU, are all reported with where they really are. */
  @Test
  void theAuditReportsEveryTensorNotOnTheExpectedDevice() {
    try (NDManager m = Engines.newManager(DeviceSpec.CPU)) {
      Map<String, NDArray> t = new LinkedHashMap<>();
      t.put("a", m.zeros(new Shape(2)));
      t.put("b", m.ones(new Shape(1)));
      assertEquals(List.of("a: tensor on cpu(), manager on cpu()", "b: tensor on cpu(), manager on cpu()"),
          TensorAudit.offDevice(DeviceSpec.gpu(0), t));
      assertEquals(List.of(), TensorAudit.offDevice(DeviceSpec.CPU, t));
    }
  }

  /**
   * A deliberately mis-created model (its root manager made without the model's device, as {@code Engines.newManager}
   * did before) fails at once in tests, and so do the inputs of a model whose batches came from such a manager.
   */
  @Test
  void aModelOrABatchMadeWithoutTheDeviceIsCaught() {
    try (TextTokenizer tok = TextTokenizer.load(Shared.fixture("tokenizer-pubmed-2k"));
        NDManager forgotten = Engines.pytorch().newBaseManager()) {
      assertFalse(DeviceSpec.CPU.is(forgotten.getDevice()));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> T5Init.create(T5Init.named("tiny", tok.vocabSize()), 3L, forgotten));
      assertTrue(e.getMessage().contains(DefaultDeviceGuard.UNCONFIGURED.getDeviceType()), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> TokenBatch.inputs(forgotten, List.of(new long[] {5, 1}), 0));
    }
  }
}
