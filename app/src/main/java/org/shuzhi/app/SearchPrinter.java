package org.shuzhi.app;

import org.shuzhi.app.render.Labels;
import java.io.PrintWriter;
import java.util.Locale;
import org.shuzhi.index.Schema;
import org.shuzhi.index.SearchRequest;
import org.shuzhi.index.SearchResult;

/**
 * Prints search results for a terminal: one block per hit (who, which year, which part of the report, a
 * highlighted snippet, where to open it), then the facet counts. Matches are shown in bold red on a colour terminal,
 * else between 【 and 】.
 */
final class SearchPrinter {
    private final PrintWriter out;
    private final boolean color;

    SearchPrinter(PrintWriter out, boolean color) {
        this.out = out;
        this.color = color;
    }

    void print(SearchResult r, SearchRequest req, String like) {
        if (r.total() == 0) {
            out.println(like == null ? "没有找到匹配的段落。可放宽筛选条件，或换用更短的词语。" : "没有找到相似段落。");
            return;
        }
        long last = Math.min(r.total(), req.offset() + (long) r.hits().size());
        out.printf(Locale.ROOT, "%s %d 条，显示第 %d–%d 条%n", like == null ? "找到" : "相似段落", r.total(),
                req.offset() + 1, last);
        int n = req.offset();
        for (SearchResult.Hit h : r.hits()) {
            n++;
            out.println();
            StringBuilder head = new StringBuilder();
            head.append('[').append(n).append("] ").append(orDash(h.unit())).append(" · ").append(orDash(h.secretary()))
                    .append(" · ").append(h.year() == null ? "年度不详" : h.year() + "年");
            if (h.category() != null) {
                head.append(" · ").append(Labels.value(Schema.CATEGORY, h.category()));
            }
            if (!h.flags().isEmpty()) {
                head.append(" · 标记：");
                h.flags().forEach(f -> head.append(Labels.value(Schema.FLAG, f)).append(' '));
            }
            out.println(head.toString().strip());
            if (!h.sectionHeading().isBlank()) {
                out.println("    所在部分：" + h.sectionHeading());
            }
            for (SearchResult.Fragment f : h.fragments()) {
                out.println("    " + snippet(f));
            }
            out.println("    " + h.source() + (h.paragraph() >= 0 ? " 第 " + (h.paragraph() + 1) + " 段" : "")
                    + "  id=" + h.id() + "  html/" + h.reportId() + ".html" + (h.paragraph() >= 0 ? "#p"
                    + h.paragraph() : ""));
        }
        out.println();
        for (SearchResult.Facet f : r.facets()) {
            if (f.dimension().equals(Schema.SECRETARY) || f.dimension().equals(Schema.SECTION)) {
                continue;
            }
            StringBuilder b = new StringBuilder(Labels.dimension(f.dimension())).append("：");
            f.values().stream().limit(12).forEach(v -> b.append(Labels.value(f.dimension(), v.value())).append('（')
                    .append(v.count()).append("） "));
            if (f.values().size() > 12) {
                b.append("…");
            }
            out.println(b.toString().strip());
        }
    }

    String snippet(SearchResult.Fragment f) {
        StringBuilder b = new StringBuilder();
        if (f.cutBefore()) {
            b.append('…');
        }
        int at = 0;
        for (SearchResult.Mark m : f.marks()) {
            b.append(f.text(), at, m.start());
            b.append(color ? "\u001b[1;31m" : "【").append(f.text(), m.start(), m.end())
                    .append(color ? "\u001b[0m" : "】");
            at = m.end();
        }
        b.append(f.text().substring(at));
        if (f.cutAfter()) {
            b.append('…');
        }
        return b.toString().replace('\n', ' ');
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
