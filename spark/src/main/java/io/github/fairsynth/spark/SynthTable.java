package io.github.fairsynth.spark;

import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import java.util.EnumSet;
import java.util.Set;

/** The generator's dataset of one set of options, as a table that can be read in batches. */
final class SynthTable implements SupportsRead {
    private final SynthOptions options;
    private final StructType schema;

    SynthTable(SynthOptions options) {
        this.options = options;
        this.schema = SynthSchema.of(options.spec(), options.rowIndex());
    }

    @Override
    public String name() {
        return "fairsynth";
    }

    @Override
    @SuppressWarnings("deprecation")
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
        return new SynthScan(options);
    }
}
