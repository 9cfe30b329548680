package dev.orb.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvAndRedactorTest {
    @Test
    void csvTextCells_areQuotedAndDefusedAgainstFormulas() {
        assertThat(Csv.text("BRK.B")).isEqualTo("BRK.B");
        assertThat(Csv.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.text("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.text("+1")).isEqualTo("'+1");
    }

    @Test
    void amounts_areExactWhateverTheStoredScale() {
        assertThat(Csv.plain(new BigDecimal("-118.800000000"))).isEqualTo("-118.80");
        assertThat(Csv.plain(new BigDecimal("0.851200000"))).isEqualTo("0.8512");
        assertThat(Csv.plain(new BigDecimal("1E+3"))).isEqualTo("1000.00");
        assertThat(Csv.plain(new BigDecimal("0.000000001"))).isEqualTo("0.000000001");
        assertThat(Csv.plain(null)).isEmpty();
    }

    @Test
    void redactor_masksSecretsLongestFirst_andIgnoresTrivialOnes() {
        Redactor r = new Redactor(List.of("PKABCDEF", "PKABCDEF123456", "ab"));
        assertThat(r.clean("key=PKABCDEF123456 and PKABCDEF, ab"))
                .isEqualTo("key=" + Redactor.MASK + " and " + Redactor.MASK + ", ab");
        assertThat(r.clean(null)).isNull();
    }
}
