package io.github.fairsynth.rng;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The integer form of AS241's branch test, which the vector kernel uses instead of the double test. */
class InverseNormalTest {
    @Test
    void centralRangeIsExactlyTheCentralBranch() {
        long lo = InverseNormal.CENTRAL_M_LO;
        long hi = InverseNormal.CENTRAL_M_HI;
        assertTrue(lo > 0 && lo < (1L << 51) && hi > (1L << 51) && hi < (1L << 52) - 1, lo + " " + hi);
        // p = 0.075 and 0.925 up to rounding: the range is where the test says, and symmetric about 1/2
        assertEquals(0.075, (lo + 0.5) * 0x1p-52, 1e-15);
        assertEquals(0.925, (hi + 0.5) * 0x1p-52, 1e-15);
        assertEquals((1L << 52) - 1 - lo, hi);
        for (long d = -3; d <= 3; d++) {
            for (long m : new long[] {lo + d, hi + d}) {
                boolean central = Math.abs(InverseNormal.openUnit(m << 12) - 0.5) <= 0.425;
                assertEquals(central, m >= lo && m <= hi, "m = " + m);
            }
        }
    }
}
