package io.lgc.report;

import java.util.List;

/**
 * The HTML document: inline CSS, no external resources, and a small inline script that checks,
 * once the page has loaded, that every picture loaded and nothing raised an error. It records the
 * result on {@code <body>} ({@code data-images}, {@code data-images-ok}, {@code data-page-errors})
 * for the browser test, and shows a visible warning to a reader whose copy is missing pictures.
 */
final class ReportPage {
    private static final String STYLE = """
            :root { color-scheme: light; }
            body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", sans-serif;
                   margin: 0 auto; max-width: 1200px; padding: 1.5rem 2rem 4rem; color: #1f2328;
                   line-height: 1.45; background: #fff; }
            h1 { font-size: 1.7rem; margin-bottom: .2rem; }
            h2 { font-size: 1.3rem; margin-top: 2.4rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
            .subtitle { color: #59636e; margin-top: 0; }
            nav ol { columns: 2; padding-left: 1.2rem; }
            figure { margin: 1rem 0; }
            figcaption, .sub, .caption { color: #59636e; font-size: .92rem; max-width: 70rem; }
            .sub { text-align: center; margin-top: .2rem; }
            img { max-width: 100%; height: auto; }
            img.pixels { image-rendering: pixelated; }
            .row { display: flex; gap: 1rem; flex-wrap: wrap; align-items: flex-start; }
            .row > div { flex: 1 1 0; min-width: 18rem; }
            table { border-collapse: collapse; margin: .8rem 0; font-size: .95rem; }
            th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .7rem; text-align: left; vertical-align: middle; }
            th { background: #f6f8fa; }
            table.sizes td:nth-child(2), table.sizes td:nth-child(3), table.numbers td:nth-child(3),
            table.numbers td:nth-child(4) { text-align: right; font-variant-numeric: tabular-nums; }
            table.samples td { padding: .25rem .5rem; }
            table.samples img { display: block; }
            .note { color: #59636e; font-style: italic; }
            .headline { font-size: 1.25rem; }
            .problem { background: #ffebe9; border: 1px solid #cf222e; padding: .6rem 1rem; }
            .bar { display: inline-block; height: .8rem; background: #4c78a8; vertical-align: middle; }
            details { margin: .6rem 0; }
            """;

    private static final String SELF_CHECK = """
            (function () {
              var errors = [];
              window.addEventListener('error', function (e) {
                var t = e.target;
                errors.push(t && t.tagName ? 'could not load ' + (t.currentSrc || t.src || t.href) : String(e.message));
              }, true);
              window.addEventListener('load', function () {
                var images = document.images, broken = [];
                for (var i = 0; i < images.length; i++) {
                  if (!(images[i].complete && images[i].naturalWidth > 0)) { broken.push(images[i].getAttribute('src')); }
                }
                var body = document.body;
                body.dataset.images = String(images.length);
                body.dataset.imagesOk = String(images.length - broken.length);
                body.dataset.pageErrors = String(errors.length);
                if (broken.length || errors.length) {
                  var box = document.getElementById('page-problems');
                  box.textContent = broken.length + ' of ' + images.length + ' pictures did not load'
                      + (broken.length ? ' (' + broken.join(', ') + ')' : '') + (errors.length ? '; ' + errors.join('; ') : '')
                      + '. Keep the PNG files next to index.html.';
                  box.hidden = false;
                }
              });
            })();
            """;

    private ReportPage() {
    }

    static String render(String title, String subtitle, List<Section> sections) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<script>\n").append(SELF_CHECK).append("</script>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<p id=\"page-problems\" class=\"problem\" role=\"alert\" hidden></p>\n")
                .append("<header>\n<h1>").append(Html.escape(title)).append("</h1>\n")
                .append("<p class=\"subtitle\">").append(Html.escape(subtitle)).append("</p>\n")
                .append("<nav aria-label=\"Contents\"><ol>\n");
        for (Section s : sections) {
            out.append("<li><a href=\"#").append(Html.escape(s.id())).append("\">").append(Html.escape(s.title()))
                    .append("</a></li>\n");
        }
        out.append("</ol></nav>\n</header>\n<main>\n");
        for (Section s : sections) {
            out.append("<section id=\"").append(Html.escape(s.id())).append("\">\n<h2>")
                    .append(Html.escape(s.title())).append("</h2>\n").append(s.body()).append("</section>\n");
        }
        return out.append("</main>\n</body>\n</html>\n").toString();
    }
}
