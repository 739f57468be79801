/**
 * Writers: {@link io.github.fairsynth.io.DoubleFormat} (shortest round-trip doubles, identical on every JDK),
 * {@link io.github.fairsynth.io.SynthCsvWriter} (the generator's CSV) and
 * {@link io.github.fairsynth.io.AtomicFile} (no partial file under the target name, ever).
 */
package io.github.fairsynth.io;
