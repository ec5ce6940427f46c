package io.fleetcast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escape_markupAndQuotes_entities() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Tom&#39;s",
                Html.escape("<script>alert(\"x\")</script> & Tom's"));
    }

    @Test
    void escape_plainText_sameInstance() {
        String plain = "AMD Instinct MI450";
        assertSame(plain, Html.escape(plain));
        assertEquals("", Html.escape(null));
    }

    @Test
    void linkify_sourceWithAddressInParentheses_linksOnlyTheAddress() {
        assertEquals("AMD &amp; OpenAI (<a href=\"https://ir.amd.com/news?id=1&amp;x=2\" rel=\"noreferrer\">"
                        + "https://ir.amd.com/news?id=1&amp;x=2</a>)",
                Html.linkify("AMD & OpenAI (https://ir.amd.com/news?id=1&x=2)"));
    }

    @Test
    void linkify_javascriptScheme_notLinked() {
        assertEquals("javascript:alert(1) &lt;b&gt;", Html.linkify("javascript:alert(1) <b>"));
    }
}
