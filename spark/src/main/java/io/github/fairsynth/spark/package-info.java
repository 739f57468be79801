/**
 * fairsynth on Spark 4: the data source {@code fairsynth} ({@link io.github.fairsynth.spark.FairsynthDataSource},
 * options in {@link io.github.fairsynth.spark.SynthOptions}) gives the generator's rows, bit-identical to one
 * machine whatever the partition count; {@link io.github.fairsynth.spark.Fairsynth#truth} gives the ground
 * truth on the driver; {@link io.github.fairsynth.spark.SparkAdmissions} spreads the admissions game's
 * environments over the cluster; {@link io.github.fairsynth.spark.SparkGenerate} is a job of its own for
 * {@code spark-submit}.
 */
package io.github.fairsynth.spark;
