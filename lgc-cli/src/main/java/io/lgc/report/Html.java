package io.lgc.report;

import java.util.List;

/** The few HTML fragments the report is made of, with every piece of text escaped. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String paragraph(String text) {
        return "<p>" + escape(text) + "</p>\n";
    }

    static String note(String text) {
        return "<p class=\"note\">" + escape(text) + "</p>\n";
    }

    static String figure(Figure f) {
        return "<figure>\n" + image(f) + "<figcaption>" + escape(f.caption()) + "</figcaption>\n</figure>\n";
    }

    /** Figures shown next to each other, sharing one caption. */
    static String figureRow(List<Figure> figures, String caption) {
        StringBuilder out = new StringBuilder("<figure>\n<div class=\"row\">\n");
        for (Figure f : figures) {
            out.append("<div>").append(image(f)).append("<div class=\"sub\">").append(escape(f.caption()))
                    .append("</div></div>\n");
        }
        return out.append("</div>\n<figcaption>").append(escape(caption)).append("</figcaption>\n</figure>\n")
                .toString();
    }

    static String image(Figure f) {
        return "<img src=\"" + escape(f.file()) + "\" alt=\"" + escape(f.alt()) + "\" width=\"" + f.width()
                + "\" height=\"" + f.height() + "\"" + (f.pixelArt() ? " class=\"pixels\"" : "") + ">\n";
    }

    /** A table whose cells are already HTML (so callers escape text and may add images). */
    static String table(List<String> headers, List<List<String>> rows, String cssClass) {
        StringBuilder out = new StringBuilder("<table class=\"" + escape(cssClass) + "\">\n");
        if (!headers.isEmpty()) { // a table of facts needs no header row
            out.append("<thead><tr>");
            for (String h : headers) {
                out.append("<th>").append(escape(h)).append("</th>");
            }
            out.append("</tr></thead>\n");
        }
        out.append("<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (String cell : row) {
                out.append("<td>").append(cell).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }
}
