// `r2d schedule`: prints α_t and π_t of a recipe for every step, so the schedule can be inspected before training.
package dev.reason2decide.cli;

import dev.reason2decide.train.ConsistencyConfig;
import dev.reason2decide.train.Phase;
import dev.reason2decide.train.TrainConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import dev.reason2decide.train.RecipePlan;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * CSV {@code step,alpha,pi}: one row per optimiser step of the whole recipe, step counted from 0 as in the formulas
 * (t = steps already taken). Stage-1 rows have α = 0 (no prediction loss) and π = 0; SFT α = 1; DSS α = 0.5.
 * Recipes with Reason2Decide-C's cycle loss add {@code lambda,gumbel_temperature}: the weight of L_cycle at that
 * step (0 until the cycle warm-up is over) and the Gumbel-softmax temperature (τ of adaptive sampling depends on
 * the model's confidences and is logged in metrics.jsonl instead).
 */
@Command(name = "schedule", mixinStandardHelpOptions = true, modelTransformer = TrainOptions.class,
    description = "Print α_t and π_t for every step of a recipe as CSV (step,alpha,pi).")
public final class ScheduleCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    TrainConfig cfg = TrainOptions.toConfig(spec.commandLine().getParseResult());
    List<Phase> phases = RecipePlan.phases(cfg);
    PrintWriter out = new PrintWriter(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
    boolean cycle = phases.stream().anyMatch(Phase::cycle);
    ConsistencyConfig cc = cfg.schedules().consistency();
    out.println(cycle ? "step,alpha,pi,lambda,gumbel_temperature" : "step,alpha,pi");
    int offset = 0;
    for (Phase p : phases) {
      for (int t = 0; t < p.steps(); t++) {
        double a = p.alpha().at(t, p.steps());
        double pi = p.sampling() == null ? 0.0 : p.sampling().at(t, p.steps());
        String row = String.format(Locale.ROOT, "%d,%s,%s", offset + t, num(a), num(pi));
        if (cycle) {
          boolean on = p.cycle() && cc.cycleOn(t, p.steps());
          row += "," + (on ? Float.toString(cc.cycleWeight()) : "0.0") + "," + (on ? num(cc.gumbelTemperature(t, p.steps())) : "");
        }
        out.println(row);
      }
      offset += p.steps();
    }
    out.flush();
    return 0;
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) + ".0" : Double.toString(v);
  }
}
