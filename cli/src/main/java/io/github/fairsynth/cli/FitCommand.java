package io.github.fairsynth.cli;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.analysis.FitOptions;
import io.github.fairsynth.analysis.GroupOlsCsv;
import io.github.fairsynth.analysis.GroupOlsResult;
import io.github.fairsynth.io.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code fairsynth fit}: per-group least squares on a CSV file. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = FairsynthCommand.Version.class,
        description = {"Fit one OLS model (with intercept) per group on its training rows, score it on its test rows,",
                "and build the cross-group R² matrix, as the paper's notebook does with scikit-learn."})
final class FitCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--data", paramLabel = "FILE.csv", required = true, description = "Numeric CSV with a header.")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", required = true, description = "The target column.")
    String target;

    @Option(names = "--split-column", paramLabel = "COLUMN", description = "A column of train/test values.")
    String splitColumn;

    @Option(names = "--test-fraction", paramLabel = "F", description = "Share of test rows of the seeded shuffle. Default 0.2.")
    Double testFraction;

    @Option(names = "--split-seed", paramLabel = "S", description = "Seed of the shuffle. Default 21.")
    Long splitSeed;

    @Option(names = "--features-prefix", paramLabel = "P", description = "Prefix of the feature columns. Default x_.")
    String featuresPrefix = "x_";

    @Option(names = "--groups-prefix", paramLabel = "P", description = "Prefix of the 0/1 group columns. Default g_.")
    String groupsPrefix = "g_";

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the results as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (splitColumn != null && (testFraction != null || splitSeed != null)) {
            throw new ConfigException("split-column", splitColumn, "give either --split-column or --test-fraction/--split-seed");
        }
        if (json != null) {
            AtomicFile.checkWritable("json", json);
        }
        FitOptions o = FitOptions.defaults().withPrefixes(featuresPrefix, groupsPrefix);
        o = splitColumn != null ? o.withSplitColumn(splitColumn)
                : o.withShuffle(testFraction == null ? 0.2 : testFraction, splitSeed == null ? 21 : splitSeed);
        GroupOlsResult r = GroupOlsCsv.fit(data, target, o, ProgressBar.create(false));
        FitReport.print(r, command.commandLine().getOut());
        if (json != null) {
            FitReport.writeJson(r, json);
        }
        return 0;
    }
}
