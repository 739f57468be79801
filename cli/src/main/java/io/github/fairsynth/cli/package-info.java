/**
 * The {@code fairsynth} command-line tool: {@code generate}, {@code demo}. Parsing is picocli's; JSON
 * config and truth files are Jackson's; everything else is the core library.
 */
package io.github.fairsynth.cli;
