package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.Comparison.CopiedPassage;
import org.shuzhi.pipeline.model.SourceKind;
import org.shuzhi.pipeline.model.Span;

/**
 * Groups the passages that three or more units share although no template of the library holds them: 疑似共同范文,
 * a model text passed around (issue 14 item 3). Works on the comparison results only (never re-reads a text).
 *
 * <p>Each shared passage of a report with another <em>report</em> (any {@link SourceKind} but
 * {@link SourceKind#TEMPLATE}, any direction) links the passage in both reports; passages of one report that
 * overlap by at least half of the shorter one are the same passage. A connected group whose reports belong to at
 * least {@code minUnits} distinct units is kept, unless one of its passages overlaps, by at least half of its length,
 * a passage the same report shares with a template (then the template library already explains it). Official phrases
 * never appear: the comparison masks them before matching ({@code official-phrases.txt}). Reports with no unit do
 * not count as a unit. A group whose common text (its shortest occurrence) has fewer than {@link #MIN_CHARS} 字 is
 * dropped.
 */
public final class SharedTemplates {
    /** Distinct units a passage must be shared by to be grouped. */
    public static final int MIN_UNITS = 3;
    /** 字数 the common text must have (the comparison's minimum total per passage, {@code --min-match} aside). */
    public static final int MIN_CHARS = 20;

    private SharedTemplates() {
    }

    /**
     * One report's occurrence of a shared passage.
     *
     * @param reportId the report
     * @param unit     its unit, or null
     * @param span     the passage in its cleaned text (UTF-16, half-open)
     * @param text     the passage
     */
    public record Member(String reportId, String unit, Span span, String text) {
    }

    /**
     * A passage shared by at least {@link #MIN_UNITS} units.
     *
     * @param number  1-based, in output order (most units first)
     * @param text    the shortest occurrence: the text the reports have in common
     * @param units   the distinct units, sorted
     * @param members one occurrence per report (its longest), by report id
     */
    public record Group(int number, String text, List<String> units, List<Member> members) {
        /** Defensive copies. */
        public Group {
            units = List.copyOf(units);
            members = List.copyOf(members);
        }

        /**
         * @return a stable id of the group, from its common text alone ({@code t} + 10 hex digits of its SHA-256):
         *         the same passage keeps its id however other groups come and go, so that reports carrying it are not
         *         republished when an unrelated group changes
         */
        public String id() {
            return stableId(text);
        }
    }

    /** @return {@code t} + the first 10 hex digits of the SHA-256 of {@code text} (UTF-8) */
    static String stableId(String text) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "t" + java.util.HexFormat.of().formatHex(h).substring(0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Node(String report, Span span, String text) {
    }

    /**
     * @param comparisons the comparison of every compared report, by id (templates are not keys)
     * @param units       the unit of each report, by id (absent or null: no unit)
     * @param minUnits    distinct units needed, ≥ 2
     * @return the groups, most units first, then by text
     * @throws IllegalArgumentException if {@code minUnits < 2}
     */
    public static List<Group> find(Map<String, Comparison> comparisons, Map<String, String> units, int minUnits) {
        Map<String, List<CopiedPassage>> passages = new LinkedHashMap<>();
        comparisons.forEach((id, c) -> passages.put(id, c.passages()));
        return findIn(passages, units, minUnits);
    }

    /**
     * As {@link #find}, from the passages of the comparisons only.
     *
     * @param passages the passages of every compared report, by id (templates are not keys)
     */
    static List<Group> findIn(Map<String, List<CopiedPassage>> passages, Map<String, String> units, int minUnits) {
        if (minUnits < 2) {
            throw new IllegalArgumentException("minUnits must be at least 2: " + minUnits);
        }
        Set<Node> seen = new HashSet<>();
        UnionFind<Node> sets = new UnionFind<>();
        Map<String, List<Node>> byReport = new LinkedHashMap<>();
        Map<String, List<Span>> templateSpans = new HashMap<>();
        for (Map.Entry<String, List<CopiedPassage>> e : passages.entrySet()) {
            for (CopiedPassage p : e.getValue()) {
                if (p.sourceKind() == SourceKind.TEMPLATE || !passages.containsKey(p.sourceId())) {
                    if (p.sourceKind() == SourceKind.TEMPLATE) {
                        templateSpans.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(p.span());
                    }
                    continue;
                }
                Node a = node(seen, byReport, new Node(e.getKey(), p.span(), p.text()));
                Node b = node(seen, byReport, new Node(p.sourceId(), p.sourceSpan(), p.sourceText()));
                sets.union(a, b);
            }
        }
        for (List<Node> ns : byReport.values()) {
            ns.sort(Comparator.comparing(Node::span));
            for (int i = 0; i < ns.size(); i++) {
                for (int j = i + 1; j < ns.size() && ns.get(j).span().start() < ns.get(i).span().end(); j++) {
                    if (overlap(ns.get(i).span(), ns.get(j).span()) * 2
                            >= Math.min(length(ns.get(i).span()), length(ns.get(j).span()))) {
                        sets.union(ns.get(i), ns.get(j));
                    }
                }
            }
        }
        Map<Node, List<Node>> components = new LinkedHashMap<>();
        for (List<Node> ns : byReport.values()) {
            for (Node n : ns) {
                components.computeIfAbsent(sets.find(n), k -> new ArrayList<>()).add(n);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (List<Node> c : components.values()) {
            TreeSet<String> us = new TreeSet<>();
            boolean inTemplate = false;
            for (Node n : c) {
                String u = units.get(n.report());
                if (u != null && !u.isBlank()) {
                    us.add(u.strip());
                }
                for (Span t : templateSpans.getOrDefault(n.report(), List.of())) {
                    inTemplate |= overlap(n.span(), t) * 2 >= length(n.span());
                }
            }
            if (inTemplate || us.size() < minUnits) {
                continue;
            }
            Map<String, Node> longest = new java.util.TreeMap<>();
            for (Node n : c) {
                longest.merge(n.report(), n, (x, y) -> length(y.span()) > length(x.span()) ? y : x);
            }
            String text = c.stream().map(Node::text).min(Comparator.comparingInt(String::length)
                    .thenComparing(Comparator.naturalOrder())).orElseThrow();
            if (org.shuzhi.pipeline.profile.CountingRule.LETTERS_DIGITS.count(text) < MIN_CHARS) {
                continue; // stock frames such as 本人2025年度抓党建工作: too short to be a model text
            }
            groups.add(new Group(0, text, List.copyOf(us), longest.values().stream()
                    .map(n -> new Member(n.report(), units.get(n.report()), n.span(), n.text())).toList()));
        }
        groups.sort(Comparator.comparingInt((Group g) -> -g.units().size()).thenComparing(Group::text));
        List<Group> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            out.add(new Group(i + 1, g.text(), g.units(), g.members()));
        }
        return out;
    }

    private static Node node(Set<Node> seen, Map<String, List<Node>> byReport, Node n) {
        if (seen.add(n)) {
            byReport.computeIfAbsent(n.report(), k -> new ArrayList<>()).add(n);
        }
        return n;
    }

    private static int length(Span s) {
        return s.end() - s.start();
    }

    private static int overlap(Span a, Span b) {
        return Math.max(0, Math.min(a.end(), b.end()) - Math.max(a.start(), b.start()));
    }
}
