/**
 * Hot kernels behind one interface, in Apache Lucene's pattern: {@link io.github.fairsynth.simd.ScalarKernels}
 * is the default; {@code PanamaKernels} (source root {@code src/main/java-vector}, compiled with
 * {@code --add-modules jdk.incubator.vector}) is chosen once at start-up by
 * {@link io.github.fairsynth.simd.Kernels#get()} when the module is readable and C2 is on, with a
 * fall-back on {@link LinkageError} (the incubator API changes between JDKs). Both produce bit-identical
 * results: the vector code performs the same IEEE operations in the same order (a multiply then an add,
 * never a fused multiply-add), and tests compare them.
 */
package io.github.fairsynth.simd;
