package io.github.fairsynth.analysis;

import io.github.fairsynth.ConfigException;
import io.github.fairsynth.exec.ProgressListener;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Group-wise fit of a numeric CSV file with a header, streamed (bounded memory): features are the columns
 * with the features prefix, groups the 0/1 columns with the groups prefix (group name = the rest of the
 * column name), the target one named column; the split comes from a {@code train}/{@code test} column or
 * the seeded shuffle of row positions. Bad data is a {@link ConfigException} naming the row and column.
 */
public final class GroupOlsCsv {
    private GroupOlsCsv() {
    }

    /** Fails, before the file is read through, when it is a binary file (a Parquet file, say) and no CSV. */
    private static void checkText(Path csv) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(csv),
                StandardCharsets.UTF_8))) {
            String first = in.readLine();
            String binary = first == null ? null : binaryKind(first);
            if (binary != null) {
                throw new ConfigException("data", csv, "is " + binary + ", not a CSV text file"
                        + " (to fit rows that generate makes, run generate --fit TARGET)");
            }
        }
    }

    /**
     * @param headerLine the file's first line, read as UTF-8
     * @return what binary file it starts, e.g. "a Parquet file", or null when it reads as text
     */
    static String binaryKind(String headerLine) {
        if (headerLine.startsWith("PAR1")) {
            return "a Parquet file";
        }
        if (headerLine.startsWith("\uFFFDNUMPY")) { // 0x93 'NUMPY', no UTF-8 character
            return "a NumPy .npy file";
        }
        if (headerLine.startsWith("PK\u0003\u0004")) {
            return "a zip archive (a NumPy .npz?)";
        }
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '\uFFFD' || c < 0x20 && c != '\t' && c != '\r') {
                return "a binary file";
            }
        }
        return null;
    }

    /**
     * @param csv      the file
     * @param target   the target column
     * @param options  split and column selection
     * @param progress receives ("fit", rows, total)
     * @return the fits
     * @throws IOException when the file cannot be read
     */
    public static GroupOlsResult fit(Path csv, String target, FitOptions options, ProgressListener progress)
            throws IOException {
        long rows;
        try {
            checkText(csv);
            rows = countRows(csv);
        } catch (NoSuchFileException e) {
            throw new ConfigException("data", csv, "file does not exist");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(csv),
                StandardCharsets.UTF_8), 1 << 16)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new ConfigException("data", csv, "is empty; expected a header line");
            }
            List<String> header = Arrays.asList(headerLine.split(",", -1));
            List<Integer> featureCols = new ArrayList<>();
            List<String> features = new ArrayList<>();
            List<Integer> groupCols = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c);
                if (h.startsWith(options.featuresPrefix()) && !h.equals(target)) {
                    featureCols.add(c);
                    features.add(h);
                } else if (h.startsWith(options.groupsPrefix()) && !h.equals(target)) {
                    groupCols.add(c);
                    groups.add(h.substring(options.groupsPrefix().length()));
                }
            }
            int targetCol = header.indexOf(target);
            if (targetCol < 0) {
                throw new ConfigException("target", target, "no such column in " + csv + "; columns: " + String.join(",", header));
            }
            if (features.isEmpty()) {
                throw new ConfigException("features-prefix", options.featuresPrefix(), "no column of " + csv + " starts with it");
            }
            if (groups.isEmpty()) {
                throw new ConfigException("groups-prefix", options.groupsPrefix(), "no column of " + csv + " starts with it");
            }
            int splitCol = -1;
            SplitRule shuffle = null;
            if (options.splitColumn() != null) {
                splitCol = header.indexOf(options.splitColumn());
                if (splitCol < 0) {
                    throw new ConfigException("split-column", options.splitColumn(), "no such column in " + csv);
                }
            } else {
                shuffle = new SplitRule(rows, options.testFraction(), options.splitSeed());
            }
            GroupOlsAccumulator acc = new GroupOlsAccumulator(features, groups, target);
            double[] x = new double[features.size()];
            boolean[] member = new boolean[groups.size()];
            long[] groupRows = new long[groups.size()];
            String[] cells = new String[header.size()];
            String line;
            long row = 0;
            while ((line = in.readLine()) != null) {
                long lineNo = row + 2;
                if (split(line, cells) != header.size()) {
                    throw new ConfigException("data", "line " + lineNo, "has " + line.split(",", -1).length
                            + " cells; the header has " + header.size());
                }
                for (int i = 0; i < x.length; i++) {
                    x[i] = number(cells, featureCols.get(i), header, lineNo);
                }
                for (int i = 0; i < member.length; i++) {
                    double v = number(cells, groupCols.get(i), header, lineNo);
                    if (v != 0 && v != 1) {
                        throw new ConfigException("data", "line " + lineNo + ", column " + header.get(groupCols.get(i))
                                + " = " + cells[groupCols.get(i)], "group columns must be 0 or 1");
                    }
                    member[i] = v == 1;
                    groupRows[i] += member[i] ? 1 : 0;
                }
                double y = number(cells, targetCol, header, lineNo);
                boolean test;
                if (splitCol >= 0) {
                    String s = cells[splitCol].trim();
                    if (s.equals("test")) {
                        test = true;
                    } else if (s.equals("train")) {
                        test = false;
                    } else {
                        throw new ConfigException("data", "line " + lineNo + ", column " + options.splitColumn()
                                + " = '" + s + "'", "must be train or test");
                    }
                } else {
                    test = shuffle.isTest(row);
                }
                acc.add(x, 0, y, member, test);
                row++;
                if ((row & 0xFFFF) == 0) {
                    progress.progress("fit", row, rows);
                }
            }
            progress.progress("fit", row, rows);
            for (int i = 0; i < groups.size(); i++) {
                if (groupRows[i] == 0) {
                    throw new ConfigException("data", "group column " + header.get(groupCols.get(i)),
                            "is empty (no row has 1); drop the column or fix the data");
                }
            }
            return acc.result();
        }
    }

    private static double number(String[] cells, int c, List<String> header, long lineNo) {
        String s = cells[c];
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException("data", "line " + lineNo + ", column " + header.get(c) + " = '" + s + "'",
                    "must be a finite number");
        }
    }

    /** Splits on commas into cells; returns the number of cells (beyond cells.length are counted, not stored). */
    private static int split(String line, String[] cells) {
        int n = 0;
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == ',') {
                if (n < cells.length) {
                    cells[n] = line.substring(start, i);
                }
                n++;
                start = i + 1;
            }
        }
        return n;
    }

    /** @return data rows: lines after the header (a last line without '\n' counts) */
    static long countRows(Path csv) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buf = new byte[1 << 16];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(csv))) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                last = buf[n - 1];
            }
        }
        if (last != '\n') {
            lines++;
        }
        return Math.max(0, lines - 1);
    }
}
