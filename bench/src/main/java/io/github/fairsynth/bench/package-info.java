/**
 * JMH benchmarks, one class per question. Build with {@code mvn -B -pl bench -am package -DskipTests} and
 * run {@code java -jar bench/target/benchmarks.jar [regex] [JMH options]}.
 */
package io.github.fairsynth.bench;
