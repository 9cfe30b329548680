package dev.orb.sim.flatfile;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SwarTest {
    @Provide
    Arbitrary<byte[]> blocks() {
        Arbitrary<Byte> mostlyDigits = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.bytes().between((byte) '0', (byte) '9')),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes()));
        return mostlyDigits.array(byte[].class).ofSize(16);
    }

    @Property
    void leadingDigitsAndValueMatchTheCharacters(@ForAll("blocks") byte[] bytes) {
        long block = Swar.load(bytes, 0);
        int expectedCount = 0;
        while (expectedCount < 8 && bytes[expectedCount] >= '0' && bytes[expectedCount] <= '9') {
            expectedCount++;
        }
        assertThat(Swar.leadingDigits(block)).isEqualTo(expectedCount);
        long expected = 0;
        for (int i = 0; i < Math.min(expectedCount, 7); i++) {
            expected = expected * 10 + (bytes[i] - '0');
        }
        if (expectedCount < 8) {
            assertThat(Swar.value(block, expectedCount)).isEqualTo(expected);
        } else {
            assertThat(Swar.eightDigits(block)).isEqualTo(expected * 10 + (bytes[7] - '0'));
        }
    }
}
