package io.github.fairsynth.cli;

import io.github.fairsynth.ConfigException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Entry point. Exit codes: 0 success, 2 invalid input (one line on stderr naming the parameter, its
 * value and what is allowed), 1 any other failure (one line), 130 interrupted.
 */
public final class Main {
    private Main() {
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the tool without exiting the JVM (for tests and embedding).
     *
     * @param args command-line arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = commandLine(args.length > 0 ? args[0] : null);
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
    }

    /**
     * @param first the first argument, or null
     * @return the configured picocli command line: with only the subcommand {@code first} names when it
     *         names one, else with every subcommand (for the top-level help and picocli's suggestions)
     */
    static CommandLine commandLine(String first) {
        CommandLine cmd = new CommandLine(new FairsynthCommand());
        Subcommand only = Subcommand.named(first);
        for (Subcommand s : Subcommand.values()) {
            if (only == null || s == only) {
                cmd.addSubcommand(s.make());
            }
        }
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + ex.getMessage()
                    + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        cmd.setExecutionExceptionHandler((ex, c, parseResult) -> {
            PrintWriter err = c.getErr();
            Throwable t = ex;
            if (t instanceof ConfigException) {
                err.println(c.getCommandSpec().qualifiedName() + ": " + t.getMessage());
                return 2;
            }
            if (t instanceof InterruptedException) {
                err.println(c.getCommandSpec().qualifiedName() + ": interrupted; no output file was left");
                return 130;
            }
            String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            err.println(c.getCommandSpec().qualifiedName() + ": error: " + msg.replace('\n', ' '));
            if (System.getenv("FAIRSYNTH_DEBUG") != null) {
                t.printStackTrace(err);
            }
            return 1;
        });
        return cmd;
    }
}
