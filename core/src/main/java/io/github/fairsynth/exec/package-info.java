/**
 * Execution: the ordered parallel pipeline that runs independent block tasks on several threads and
 * hands their results to one consumer in block order, and progress reporting.
 */
package io.github.fairsynth.exec;
