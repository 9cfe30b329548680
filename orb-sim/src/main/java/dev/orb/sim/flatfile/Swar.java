package dev.orb.sim.flatfile;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight ASCII characters at a time in one {@code long} ("SIMD within a register"), first character in the
 * lowest byte: how many leading digits a field has and their value, without a loop per digit. The technique is
 * the one of simdjson's number parser (Lemire, "Faster integer parsing", 2018).
 */
final class Swar {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;

    private Swar() {
    }

    /** The eight bytes at {@code b[at, at + 8)}, first byte lowest. */
    static long load(byte[] b, int at) {
        return (long) LONG_LE.get(b, at);
    }

    /** How many of the block's characters, from the first, are ASCII digits: 0 to 8. */
    static int leadingDigits(long block) {
        long t = block ^ ZEROS;
        // A digit byte becomes 0..9: neither it nor it + 0x76 has the high bit. Carries only move to later bytes,
        // which lie beyond the first non-digit anyway.
        long nonDigit = ((t + 0x7676767676767676L) | t) & 0x8080808080808080L;
        return Long.numberOfTrailingZeros(nonDigit) >>> 3;
    }

    /** The value of the first {@code count} (0 to 7) characters of the block, which must be digits. */
    static long value(long block, int count) {
        if (count == 0) {
            return 0;
        }
        // Shift the digits to the top and fill the bottom with '0's: "0001234" reads as 1234.
        return eightDigits((block << ((8 - count) << 3)) | (ZEROS >>> (count << 3)));
    }

    /** The value of a block of eight digits, with three multiplications. */
    static long eightDigits(long block) {
        long v = block - ZEROS;
        v = v * 10 + (v >>> 8);
        return ((v & 0x000000FF000000FFL) * 0x000F424000000064L
                + ((v >>> 16) & 0x000000FF000000FFL) * 0x0000271000000001L) >>> 32;
    }
}
