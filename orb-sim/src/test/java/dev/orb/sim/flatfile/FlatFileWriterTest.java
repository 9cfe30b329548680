package dev.orb.sim.flatfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orb.domain.Symbol;

class FlatFileWriterTest {
    private static final Symbol A = Symbol.of("A");

    @TempDir
    Path dir;

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void writesPolygonTextWithPlainDecimals() throws IOException {
        Path file = dir.resolve("x/y/2024-01-02.csv.gz");
        try (FlatFileWriter w = FlatFileWriter.create(file)) {
            w.write(A, 4930, 171_500_000_000L, 171_000_000_000L, 172_010_000_000L, 170_990_000_000L,
                    1_704_205_800_000_000_000L, 57);
            w.write(Symbol.of("PENY"), 0, 123_400_000L, 100_000L, 123_400_000L, 100_000L, 0, 0);
            w.commit();
        }
        assertThat(gunzip(file)).isEqualTo(FlatFileLayout.HEADER + "\n"
                + "A,4930,171.5,171,172.01,170.99,1704205800000000000,57\n"
                + "PENY,0,0.1234,0.0001,0.1234,0.0001,0,0\n");
        assertThat(Files.exists(dir.resolve("x/y/2024-01-02.csv.gz.partial"))).isFalse();
    }

    @Test
    void closeWithoutCommit_leavesNoFile() {
        Path file = dir.resolve("f.csv.gz");
        try (FlatFileWriter w = FlatFileWriter.create(file)) {
            w.write(A, 1, 1, 1, 1, 1, 0, 1);
        }
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("f.csv.gz.partial")).doesNotExist();
    }

    @Test
    void rowTheReaderWouldReject_isRefusedWithItsLine() {
        Path file = dir.resolve("f.csv.gz");
        try (FlatFileWriter w = FlatFileWriter.create(file)) {
            w.write(A, 1, 10, 10, 10, 10, 0, 1);
            assertThatThrownBy(() -> w.write(A, 1, 10, 10, 9, 10, 60, 1))
                    .isInstanceOf(FlatFileException.class)
                    .hasMessage(file + ":3: high 0.000000009 is below low 0.00000001 (A)");
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void sameRows_sameBytes() throws IOException {
        Path one = dir.resolve("1.csv.gz");
        Path two = dir.resolve("2.csv.gz");
        for (Path p : new Path[] {one, two}) {
            try (FlatFileWriter w = FlatFileWriter.create(p)) {
                for (int i = 0; i < 1000; i++) {
                    w.write(A, i, 1_000_000_000L + i, 1_000_000_000L, 1_000_000_000L + i, 1_000_000_000L, i, i);
                }
                w.commit();
            }
        }
        assertThat(Files.readAllBytes(one)).isEqualTo(Files.readAllBytes(two));
    }

    @Test
    void compressionLevel_changesBytesNotRows() throws IOException {
        Path fast = dir.resolve("fast.csv.gz");
        Path small = dir.resolve("small.csv.gz");
        for (Path p : new Path[] {fast, small}) {
            try (FlatFileWriter w = FlatFileWriter.create(p, p == fast ? 1 : 9)) {
                for (int i = 0; i < 2000; i++) {
                    w.write(A, i, 1_000_000_000L + i, 1_000_000_000L, 1_000_000_000L + i, 1_000_000_000L, i, i);
                }
                w.commit();
            }
        }
        assertThat(gunzip(fast)).isEqualTo(gunzip(small));
        assertThat(Files.readAllBytes(small)).isNotEqualTo(Files.readAllBytes(fast));
        assertThatThrownBy(() -> FlatFileWriter.create(dir.resolve("x.csv.gz"), 0))
                .hasMessage("FlatFileWriter.gzipLevel: 0 must be in 1..9");
    }
}
