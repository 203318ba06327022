// Entry point of the `r2d` command line: one subcommand per pipeline step.
package dev.reason2decide.cli;

import dev.reason2decide.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code r2d}: train and run self-rationalising decision-support models (Reason2Decide). */
@Command(name = "r2d", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = "Reason2Decide on the JVM: train T5 models that predict a decision and explain it.",
    subcommands = {
        CommandLine.HelpCommand.class,
        TokenizeCommand.class,
        CheckHfCommand.class,
        TrainCommand.class,
        PredictCommand.class,
        ScheduleCommand.class,
        QuickstartCommand.class,
        RationalesCommand.class,
        JudgeCommand.class,
        DataCommand.class,
        TokenizerCommand.class,
        ServeCommand.class,
        TrustCommand.class,
        MetricsCommand.class,
        EvaluateCommand.class,
        ExperimentCommand.class,
        BenchCommand.class,
    })
public final class Main implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (for tests). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println("r2d " + cmd.getCommandName() + ": " + ex.getMessage());
      if (System.getenv("R2D_DEBUG") != null) {
        ex.printStackTrace(cmd.getErr());
      }
      return 1;
    });
    return cl.execute(args);
  }
}
