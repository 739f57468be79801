package io.github.fairsynth.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteSizeTest {
    @Test
    void sizesInDecimalUnitsWithThreeDigits() {
        assertEquals("0 B", ByteSize.text(0));
        assertEquals("999 B", ByteSize.text(999));
        assertEquals("1.00 kB", ByteSize.text(1000));
        assertEquals("80.1 GB", ByteSize.text(80_123_456_789L));
        assertEquals("237 GB", ByteSize.text(237_000_000_000L));
        assertEquals("2.37 TB", ByteSize.text(2_370_000_000_000L));
        assertEquals("1.00 MB", ByteSize.text(999_999));
        assertEquals("9.22 EB", ByteSize.text(Long.MAX_VALUE));
    }
}
