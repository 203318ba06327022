// Entry point of the `r2d` command line: one subcommand per pipeline step.
package dev.reason2decide.cli;

import dev.reason2decide.bench.BenchCommand;
import dev.reason2decide.io.PrintableText;
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
        TruecaseCommand.class,
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
    BrokenPipe.install();
    int code = run(args);
    try {
      System.out.flush();
    } catch (BrokenPipe e) {
      code = code == 0 ? BrokenPipe.EXIT_CODE : code;
    }
    System.exit(code);
  }

  /** Runs the CLI and returns its exit code (for tests). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (BrokenPipe.in(ex)) {
        return BrokenPipe.EXIT_CODE; // the reader of stdout went away: stop quietly, as a SIGPIPE would
      }
      cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + PrintableText.escape(ex.getMessage()));
      if (System.getenv("R2D_DEBUG") != null) {
        ex.printStackTrace(cmd.getErr());
      }
      return 1;
    });
    // an option's value (a file name) can carry ESC, a newline or a bidirectional override: shown escaped
    CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
    cl.setParameterExceptionHandler((ex, given) -> {
      String shown = PrintableText.escape(ex.getMessage());
      if (ex instanceof OptionBounds.OutOfRange) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + shown);
        return 2;
      }
      return usage.handleParseException(shown.equals(ex.getMessage()) ? ex
          : new CommandLine.ParameterException(ex.getCommandLine(), shown, ex), given);
    });
    cl.setExecutionStrategy(parsed -> {
      OptionBounds.check(parsed);
      try {
        return new CommandLine.RunLast().execute(parsed);
      } catch (BrokenPipe e) {
        return BrokenPipe.EXIT_CODE;
      } catch (VirtualMachineError | LinkageError e) {
        return JvmErrors.report(last(parsed), e);
      }
    });
    return cl.execute(args);
  }

  private static CommandLine last(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult p = parsed;
    while (p.subcommand() != null) {
      p = p.subcommand();
    }
    return p.commandSpec().commandLine();
  }
}
