package io.github.fairsynth.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the tool in-process and captures its output. */
final class CliRunner {
    final int code;
    final String out;
    final String err;

    private CliRunner(int code, String out, String err) {
        this.code = code;
        this.out = out;
        this.err = err;
    }

    static CliRunner run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new CliRunner(code, o.toString(), e.toString());
    }
}
