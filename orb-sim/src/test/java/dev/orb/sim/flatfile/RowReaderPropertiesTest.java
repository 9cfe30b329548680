package dev.orb.sim.flatfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The one-pass parser and the general parser read every file the same way: same rows, or the same error. */
class RowReaderPropertiesTest {
    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("orb-rowreader");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "1", "10", "171.5", "0.0001", "12.", ".5", "1.2300000000", "1.0000000001",
                        "9223372035", "9223372036.1", "99999999999", "1E2", "1.5e-4", "-1", "+2", "", "x", "1.2.3",
                        "1e", "00012.500", "1.999999999", "9223372036854775807", "9223372036854775808",
                        "1704205800000000000", "123.0", "12.5", " 1"),
                Arbitraries.longs().between(0, 2_000_000_000_000L).map(Decimals::formatNanos),
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(n -> Long.toString(n)));
    }

    Arbitrary<String> lines() {
        Arbitrary<String> ticker = Arbitraries.of("A", "AAPL", "BRK.B", "KIMpL", "", "TOOLONGTICKER", "A B");
        Arbitrary<String> ending = Arbitraries.of("\n", "\r\n", "", ",\n", ",x\n");
        return Arbitraries.lazy(() -> {
            Arbitrary<List<String>> fields = numbers().list().ofSize(7);
            return net.jqwik.api.Combinators.combine(ticker, fields, ending)
                    .as((t, f, e) -> t + "," + String.join(",", f) + e);
        });
    }

    private static String readAll(Path file, boolean fast) {
        List<String> rows = new ArrayList<>();
        try (RowReader r = RowReader.open(file, fast)) {
            while (r.next()) {
                rows.add(r.symbol() + " " + r.volume + " " + r.open + " " + r.close + " " + r.high + " " + r.low + " "
                        + r.windowStart + " " + r.transactions);
            }
        } catch (FlatFileException e) {
            rows.add("error: " + e.getMessage());
        }
        return String.join("\n", rows);
    }

    @Provide
    Arbitrary<List<String>> files() {
        return lines().list().ofMaxSize(6);
    }

    @Property
    void fastAndGeneralParsersAgree(@ForAll("files") List<String> lines) throws IOException {
        Path file = Files.createTempFile(dir, "rows", ".csv.gz");
        FlatFileReaderTest.gzip(file, FlatFileLayout.HEADER + "\n" + String.join("", lines));

        assertThat(readAll(file, true)).isEqualTo(readAll(file, false));
        Files.delete(file);
    }
}
