package dev.orb.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class HtmlTest {
    @Test
    void escapesMarkupQuotesAndAmpersands() {
        assertThat(Html.escape("<img src=x onerror=\"a('b')\">&amp;"))
                .isEqualTo("&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;amp;");
    }

    @Test
    void nullIsEmpty_plainTextIsUnchanged() {
        assertThat(Html.escape(null)).isEmpty();
        String plain = "AAPL long 100 @ 190.55";
        assertThat(Html.escape(plain)).isSameAs(plain);
    }

    @Test
    void controlCharactersAreReplaced_tabsAndNewlinesKept() {
        assertThat(Html.escape("a\u0000b\u001bc\td\ne\u007f")).isEqualTo("a\uFFFDb\uFFFDc\td\ne\uFFFD");
    }

    @Property
    void escapedTextHasNoMarkupCharacters_andUnescapesToTheOriginal(@ForAll String text) {
        String e = Html.escape(text);
        assertThat(e).doesNotContain("<", ">", "\"", "'");
        String back = e.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
        StringBuilder expected = new StringBuilder();
        for (char c : text.toCharArray()) {
            expected.append((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f ? '\uFFFD' : c);
        }
        assertThat(back).isEqualTo(expected.toString());
    }
}
