package org.shuzhi.app.web;

import io.javalin.http.Context;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.shuzhi.app.render.Labels;
import org.shuzhi.app.render.Templates;
import org.shuzhi.index.ReportSearch;
import org.shuzhi.index.Schema;
import org.shuzhi.index.SearchRequest;
import org.shuzhi.index.SearchResult;

/**
 * Builds the pages of the web UI from search results: view records in, Pebble templates
 * ({@code templates/web/*.peb}, autoescaping on) out. Every link is built here with URL-encoded parameters.
 */
final class Pages {
    /** Hits per page. */
    static final int PAGE_SIZE = 20;
    /** Query parameters that are filters, in facet order. */
    static final List<String> FILTERS = Schema.FACETS;

    private final ReportSearch searcher;
    private final PebbleTemplate search;
    private final PebbleTemplate similar;
    private final PebbleTemplate reports;
    private final PebbleTemplate error;
    private final WebServer.Rerun rerun;

    /** @param rerun the re-run offered on the 报告一览 page, or null for none */
    Pages(ReportSearch searcher, WebServer.Rerun rerun) {
        this.searcher = searcher;
        this.rerun = rerun;
        this.search = Templates.load("templates/web/search.peb");
        this.similar = Templates.load("templates/web/similar.peb");
        this.reports = Templates.load("templates/web/reports.peb");
        this.error = Templates.load("templates/web/error.peb");
    }

    /** A hit as shown. */
    record HitView(int number, String unit, String secretary, String year, String category, String categoryLabel,
                   List<String> flags, String section, List<List<Part>> fragments, String reportHref,
                   String similarHref, String source, String paragraph, String score) {
    }

    /** A piece of a snippet: marked (a match) or not. */
    record Part(String text, boolean marked) {
    }

    /** A facet dimension with its values. */
    record FacetView(String label, List<FacetValueView> values) {
    }

    /** A facet value: a link that adds (or, when active, removes) the filter. */
    record FacetValueView(String label, long count, String href, boolean active) {
    }

    /** An active filter with the link that removes it. */
    record Chip(String label, String href) {
    }

    /** A page link. */
    record PageLink(String label, String href, boolean current) {
    }

    /** A row of the report list: a unit and its reports by year. */
    record UnitRow(String unit, String sector, List<Cell> cells) {
    }

    /** A report link: in the unit × year grid (label = secretary; empty when there is no report) or undated. */
    record Cell(String href, String label, String note) {
    }

    /** Shown above the hits when the query could not be parsed and its plain words were searched instead. */
    static final String PLAIN_NOTE = "查询语句中的引号、括号或 AND/OR/NOT 不完整，已按普通词语检索。";

    String search(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        Map<String, List<String>> filters = filters(ctx);
        String sortName = ctx.queryParam("sort") == null ? "relevance" : ctx.queryParam("sort");
        SearchRequest.Order order;
        try {
            order = SearchRequest.Order.of(sortName);
        } catch (IllegalArgumentException e) {
            order = SearchRequest.Order.RELEVANCE;
        }
        int page = Math.max(1, Math.min(5000, parseInt(ctx.queryParam("page"), 1)));
        Map<String, Object> m = new HashMap<>();
        m.put("q", q);
        m.put("sort", order.name().toLowerCase(java.util.Locale.ROOT));
        m.put("hiddenFilters", hidden(filters));
        m.put("searched", !q.isEmpty() || !filters.isEmpty());
        m.put("plainNote", searcher.readAsPlainWords(q) ? PLAIN_NOTE : "");
        if (q.isEmpty() && filters.isEmpty()) {
            SearchResult all = searcher.search(new SearchRequest("*", Map.of(), null, 0, 1, Schema.TYPE_PARAGRAPH));
            m.put("total", all.total());
            m.put("hits", List.of());
            m.put("facets", facets(all, "", filters, "relevance"));
            m.put("chips", List.of());
            m.put("pages", List.of());
            return Templates.render(search, m);
        }
        SearchRequest req = new SearchRequest(q.isEmpty() ? "*" : q, filters, order, (page - 1) * PAGE_SIZE,
                PAGE_SIZE, Schema.TYPE_PARAGRAPH);
        SearchResult r = searcher.search(req);
        String sort = order.name().toLowerCase(java.util.Locale.ROOT);
        m.put("total", r.total());
        m.put("hits", hits(r, req.offset()));
        m.put("facets", facets(r, q, filters, sort));
        m.put("chips", chips(q, filters, sort));
        m.put("pages", pages(r.total(), page, q, filters, sort));
        return Templates.render(search, m);
    }

    String similar(Context ctx) {
        String id = ctx.queryParam("id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("缺少参数 id（段落编号）。");
        }
        SearchResult.Hit source = searcher.get(id);
        if (source == null) {
            throw new IllegalArgumentException("索引中没有这个段落：" + id + "。索引可能已更新，请重新检索。");
        }
        Map<String, List<String>> filters = filters(ctx);
        SearchResult r = searcher.similar(id, new SearchRequest(null, filters, null, 0, PAGE_SIZE,
                Schema.TYPE_PARAGRAPH));
        Map<String, Object> m = new HashMap<>();
        m.put("source", hits(new SearchResult(1, List.of(source), List.of()), 0).get(0));
        m.put("sourceText", source.text());
        m.put("total", r.total());
        m.put("hits", hits(r, 0));
        return Templates.render(similar, m);
    }

    String reports() {
        Map<String, Map<Integer, Cell>> byUnit = new TreeMap<>();
        Map<String, String> sectors = new HashMap<>();
        TreeSet<Integer> years = new TreeSet<>();
        List<Cell> undated = new ArrayList<>();
        int offset = 0;
        while (true) {
            SearchResult r = searcher.search(new SearchRequest("*", Map.of(), SearchRequest.Order.UNIT, offset, 1000,
                    Schema.TYPE_REPORT));
            for (SearchResult.Hit h : r.hits()) {
                Cell c = new Cell("/r/html/" + encPath(h.reportId()) + ".html", h.secretary() == null ? "" : h.secretary(),
                        h.source());
                String unit = h.unit() == null ? "（单位不详）" : h.unit();
                sectors.putIfAbsent(unit, Labels.value(Schema.SECTOR, h.sector()));
                if (h.year() == null) {
                    undated.add(new Cell(c.href(), unit, h.source()));
                    continue;
                }
                years.add(h.year());
                byUnit.computeIfAbsent(unit, k -> new TreeMap<>()).put(h.year(), c);
            }
            offset += r.hits().size();
            if (r.hits().isEmpty() || offset >= r.total()) {
                break;
            }
        }
        List<UnitRow> rows = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Cell>> e : byUnit.entrySet()) {
            List<Cell> cells = new ArrayList<>();
            for (Integer y : years) {
                cells.add(e.getValue().getOrDefault(y, new Cell("", "", "")));
            }
            rows.add(new UnitRow(e.getKey(), sectors.getOrDefault(e.getKey(), ""), cells));
        }
        Map<String, Object> m = new HashMap<>();
        m.put("years", List.copyOf(years));
        m.put("rows", rows);
        m.put("undated", undated);
        m.put("rerun", rerun != null);
        m.put("rerunRunning", rerun != null && rerun.running());
        m.put("rerunState", rerun == null ? "" : rerun.state());
        return Templates.render(reports, m);
    }

    String error(String message) {
        return Templates.render(error, Map.of("message", message));
    }

    private static Map<String, List<String>> filters(Context ctx) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String dim : FILTERS) {
            List<String> values = new ArrayList<>();
            for (String v : ctx.queryParams(dim)) {
                if (!v.isBlank()) {
                    values.add(Labels.parse(dim, v));
                }
            }
            if (!values.isEmpty()) {
                out.put(dim, List.copyOf(new TreeSet<>(values)));
            }
        }
        return out;
    }

    private static List<Map<String, String>> hidden(Map<String, List<String>> filters) {
        List<Map<String, String>> out = new ArrayList<>();
        filters.forEach((dim, values) -> values.forEach(v -> out.add(Map.of("name", dim, "value", v))));
        return out;
    }

    private static List<HitView> hits(SearchResult r, int offset) {
        List<HitView> out = new ArrayList<>();
        int n = offset;
        for (SearchResult.Hit h : r.hits()) {
            n++;
            List<List<Part>> frags = new ArrayList<>();
            for (SearchResult.Fragment f : h.fragments()) {
                List<Part> parts = new ArrayList<>();
                int at = 0;
                if (f.cutBefore()) {
                    parts.add(new Part("…", false));
                }
                for (SearchResult.Mark mk : f.marks()) {
                    parts.add(new Part(f.text().substring(at, mk.start()), false));
                    parts.add(new Part(f.text().substring(mk.start(), mk.end()), true));
                    at = mk.end();
                }
                parts.add(new Part(f.text().substring(at) + (f.cutAfter() ? "…" : ""), false));
                frags.add(parts);
            }
            List<String> flags = h.flags().stream().map(f -> Labels.value(Schema.FLAG, f)).toList();
            out.add(new HitView(n, h.unit() == null ? "单位不详" : h.unit(), h.secretary() == null ? "" : h.secretary(),
                    h.year() == null ? "年度不详" : h.year() + "年", h.category() == null ? "other" : h.category(),
                    h.category() == null ? "整篇报告" : Labels.value(Schema.CATEGORY, h.category()), flags,
                    h.sectionHeading(), frags, "/r/html/" + encPath(h.reportId()) + ".html" + (h.paragraph() >= 0
                    ? "#p" + h.paragraph() : ""), h.paragraph() >= 0 ? "/similar?id=" + enc(h.id()) : "",
                    h.source(), h.paragraph() >= 0 ? "第 " + (h.paragraph() + 1) + " 段" : "",
                    String.format(java.util.Locale.ROOT, "%.2f", h.score())));
        }
        return out;
    }

    private static List<FacetView> facets(SearchResult r, String q, Map<String, List<String>> filters, String sort) {
        List<FacetView> out = new ArrayList<>();
        for (SearchResult.Facet f : r.facets()) {
            List<FacetValueView> values = new ArrayList<>();
            List<String> active = filters.getOrDefault(f.dimension(), List.of());
            for (SearchResult.FacetValue v : f.values().stream().limit(15).toList()) {
                boolean on = active.contains(v.value());
                values.add(new FacetValueView(Labels.value(f.dimension(), v.value()), v.count(),
                        href(q, toggle(filters, f.dimension(), v.value()), sort, 1), on));
            }
            out.add(new FacetView(Labels.dimension(f.dimension()), values));
        }
        return out;
    }

    private static List<Chip> chips(String q, Map<String, List<String>> filters, String sort) {
        List<Chip> out = new ArrayList<>();
        filters.forEach((dim, values) -> values.forEach(v -> out.add(new Chip(Labels.dimension(dim) + "："
                + Labels.value(dim, v), href(q, toggle(filters, dim, v), sort, 1)))));
        return out;
    }

    private static List<PageLink> pages(long total, int page, String q, Map<String, List<String>> filters,
                                        String sort) {
        int last = (int) Math.min(5000, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        List<PageLink> out = new ArrayList<>();
        if (last <= 1) {
            return out;
        }
        if (page > 1) {
            out.add(new PageLink("上一页", href(q, filters, sort, page - 1), false));
        }
        for (int p = Math.max(1, page - 4); p <= Math.min(last, page + 4); p++) {
            out.add(new PageLink(Integer.toString(p), href(q, filters, sort, p), p == page));
        }
        if (page < last) {
            out.add(new PageLink("下一页", href(q, filters, sort, page + 1), false));
        }
        return out;
    }

    private static Map<String, List<String>> toggle(Map<String, List<String>> filters, String dim, String value) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        filters.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        List<String> values = out.computeIfAbsent(dim, k -> new ArrayList<>());
        if (!values.remove(value)) {
            values.add(value);
        }
        if (values.isEmpty()) {
            out.remove(dim);
        }
        return out;
    }

    static String href(String q, Map<String, List<String>> filters, String sort, int page) {
        StringBuilder b = new StringBuilder("/?q=").append(enc(q));
        filters.forEach((dim, values) -> values.forEach(v -> b.append('&').append(dim).append('=').append(enc(v))));
        if (!sort.equals("relevance")) {
            b.append("&sort=").append(sort);
        }
        if (page > 1) {
            b.append("&page=").append(page);
        }
        return b.toString();
    }

    /** Encodes one path segment (a space is %20 in a path, not +). */
    private static String encPath(String s) {
        return enc(s).replace("+", "%20");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    private static int parseInt(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

}
