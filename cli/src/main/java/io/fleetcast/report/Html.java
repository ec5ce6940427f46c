package io.fleetcast.report;

/**
 * Minimal HTML building for the self-contained report pages. There is no template engine: pages are
 * assembled with a {@link StringBuilder}, and every piece of text from a scenario, a catalog or a
 * source note goes through {@link #escape(String)} (names and notes may contain {@code <}, {@code &}
 * or quotes), while attribute values use {@link #attribute(String)}.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes text for element content and for quoted attribute values: {@code & < > " '}.
     *
     * @param text any text; null becomes the empty string
     * @return the escaped text
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }

    /**
     * A double-quoted attribute value.
     *
     * @param value the raw value
     * @return {@code "escaped value"} with the quotes
     */
    public static String attribute(String value) {
        return '"' + escape(value) + '"';
    }

    /**
     * Turns the web addresses inside a source text into links, escaping everything else. Only
     * {@code http://} and {@code https://} addresses are linked (never {@code javascript:}), and the
     * link target is escaped like any attribute. A trailing {@code )}, {@code .} or {@code ,} is left
     * outside the link: sources are written as {@code "Title (https://...)"}.
     *
     * @param text a source, e.g. {@code AMD press release (https://ir.amd.com/...)}
     * @return HTML
     */
    public static String linkify(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int http = indexOfUrl(text, i);
            if (http < 0) {
                b.append(escape(text.substring(i)));
                break;
            }
            b.append(escape(text.substring(i, http)));
            int end = http;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"'
                    && text.charAt(end) != '<' && text.charAt(end) != '>') {
                end++;
            }
            while (end > http && ").,;".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            String url = text.substring(http, end);
            b.append("<a href=").append(attribute(url)).append(" rel=\"noreferrer\">").append(escape(url)).append("</a>");
            i = end;
        }
        return b.toString();
    }

    private static int indexOfUrl(String text, int from) {
        int a = text.indexOf("https://", from);
        int b = text.indexOf("http://", from);
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        return Math.min(a, b);
    }
}
