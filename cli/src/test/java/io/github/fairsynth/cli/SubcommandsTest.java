package io.github.fairsynth.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run builds only the subcommand it runs; help and errors still see every subcommand. */
class SubcommandsTest {
    private static final List<String> ALL = List.of("generate", "fit", "admissions", "demo", "help");

    @Test
    void aNamedSubcommandIsBuiltAlone() {
        for (String name : List.of("generate", "fit", "admissions", "demo")) {
            assertEquals(List.of(name), List.copyOf(Main.commandLine(name).getSubcommands().keySet()), name);
        }
    }

    @Test
    void anythingElseBuildsEverySubcommandInHelpOrder() {
        for (String first : new String[] {null, "help", "--help", "-V", "gen", "GENERATE"}) {
            assertEquals(ALL, List.copyOf(Main.commandLine(first).getSubcommands().keySet()), String.valueOf(first));
        }
    }

    @Test
    void topLevelHelpListsEverySubcommand() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help"}}) {
            CliRunner r = CliRunner.run(args);
            assertEquals(0, r.code, String.join(" ", args));
            int at = r.out.indexOf("Commands:");
            assertTrue(at > 0, r.out);
            for (String name : ALL) {
                int next = r.out.indexOf("\n  " + name + " ", at);
                assertTrue(next > at, name + " missing or out of order in:\n" + r.out);
                at = next;
            }
        }
    }

    @Test
    void aSubcommandsHelpNamesItUnderTheTool() {
        CliRunner alone = CliRunner.run("fit", "--help");
        CliRunner viaHelp = CliRunner.run("help", "fit");
        assertEquals(0, alone.code);
        assertEquals(0, viaHelp.code);
        assertTrue(alone.out.startsWith("Usage: fairsynth fit "), alone.out);
        assertEquals(alone.out, viaHelp.out);
    }

    @Test
    void anUnknownSubcommandIsOneLineExitTwo() {
        CliRunner r = CliRunner.run("gen", "--rows", "10");
        assertEquals(2, r.code);
        assertEquals("", r.out);
        assertTrue(r.err.startsWith("fairsynth: Unmatched argument") && r.err.contains("'gen'"), r.err);
        assertEquals(1, r.err.lines().count(), r.err);
    }
}
