package io.github.fairsynth.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What the CSV reader takes for a binary file before it reads one through. */
class GroupOlsCsvInputTest {
    @Test
    void textHeadersPass() {
        assertNull(GroupOlsCsv.binaryKind("x_0,x_1,g_circle,y_mean_active"));
        assertNull(GroupOlsCsv.binaryKind("x_0,x_1,y\r"));
        assertNull(GroupOlsCsv.binaryKind("\uFEFFx_0,größe,y")); // a byte-order mark, non-ASCII names
        assertNull(GroupOlsCsv.binaryKind(""));
    }

    @Test
    void binaryStartsAreNamed() {
        assertEquals("a Parquet file", GroupOlsCsv.binaryKind("PAR1\u0015\u0004"));
        assertEquals("a NumPy .npy file", GroupOlsCsv.binaryKind("\uFFFDNUMPY\u0001\u0000v\u0000{'descr'"));
        assertEquals("a zip archive (a NumPy .npz?)", GroupOlsCsv.binaryKind("PK\u0003\u0004\u0014"));
        // gzip: 0x1f 0x8b, read as UTF-8
        assertEquals("a binary file", GroupOlsCsv.binaryKind("\u001F\uFFFD\u0008"));
        assertEquals("a binary file", GroupOlsCsv.binaryKind("x_0,\u0000y"));
    }
}
