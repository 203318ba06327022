// `r2d spark`: the Spark jobs (predict, evaluate, bench); the same main class runs embedded or under spark-submit.
package dev.reason2decide.spark;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the Spark module. {@code ./r2d spark ...} runs it embedded (local mode); on a cluster
 * {@code spark-submit --class dev.reason2decide.spark.SparkMain r2d-spark.jar predict ...} runs the same commands.
 * User errors, including a bad row that stops a job, end with one line naming what is wrong and exit code 1.
 */
@Command(name = "r2d spark", mixinStandardHelpOptions = true,
    description = "Batch inference and evaluation on Apache Spark (local mode by default; see docs/spark.md).",
    subcommands = {CommandLine.HelpCommand.class, SparkPredictCommand.class, SparkEvaluateCommand.class,
        SparkBenchCommand.class})
public final class SparkMain implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command and returns its exit code (for tests). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new SparkMain());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println("r2d spark " + cmd.getCommandName() + ": " + JobFailure.message(ex));
      if (System.getenv("R2D_DEBUG") != null) {
        ex.printStackTrace(cmd.getErr());
      }
      return 1;
    });
    return cl.execute(args);
  }
}
