package io.github.fairsynth.cli;

import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The top-level {@code fairsynth} command. */
@Command(name = "fairsynth", mixinStandardHelpOptions = true, versionProvider = FairsynthCommand.Version.class,
        description = "Fast, exact engine for fairness-in-ML workloads: multi-group synthetic regression data, group-wise fits, strategic admissions.")
final class FairsynthCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version Maven filtered into the jar. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = FairsynthCommand.class.getResourceAsStream("/fairsynth-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"fairsynth " + p.getProperty("version", "unknown")
                    + " (Java " + Runtime.version() + ", " + System.getProperty("java.vm.name") + ")"};
        }
    }
}
