package io.github.fairsynth.cli;

import picocli.CommandLine;

import java.util.function.Supplier;

/**
 * The tool's subcommands, in the order the top-level help lists them. A run builds only the one it
 * runs: picocli builds a command's model from its annotations by reflection, which is a good part of the
 * tool's start-up.
 */
enum Subcommand {
    GENERATE("generate", GenerateCommand::new),
    FIT("fit", FitCommand::new),
    ADMISSIONS("admissions", AdmissionsCommand::new),
    DEMO("demo", DemoCommand::new),
    HELP("help", CommandLine.HelpCommand::new);

    private final String name;
    private final Supplier<Object> make;

    Subcommand(String name, Supplier<Object> make) {
        this.name = name;
        this.make = make;
    }

    /** @return a new instance of the command */
    Object make() {
        return make.get();
    }

    /**
     * @param name a first argument, or null
     * @return the subcommand of that name, or null (help is never built alone: it lists the others)
     */
    static Subcommand named(String name) {
        for (Subcommand s : values()) {
            if (s != HELP && s.name.equals(name)) {
                return s;
            }
        }
        return null;
    }
}
