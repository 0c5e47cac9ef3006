package org.shuzhi.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Counts;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.DocTypeDecision;
import org.shuzhi.pipeline.model.MetaValue;
import org.shuzhi.pipeline.model.Metadata;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Section;
import org.shuzhi.pipeline.model.Span;

/**
 * Analysed-looking reports made from the paragraphs of real analysed reports, for index benchmarks: each synthetic
 * report takes 20–40 paragraphs from the pool (categories and counts kept), changes their numbers and swaps clauses
 * at random, and gets a made-up unit, secretary and year (2019–2025). Deterministic for a seed. Not analysed: the
 * documents have paragraphs, sections and counts but no sentences or tokens.
 */
final class SyntheticReports {
    private static final String[] SECTORS = {"university", "town", "government", "soe", "community"};
    private static final String[] SUFFIXES = {"第一", "第二", "第三", "东区", "西区", "南区", "北区", "城关", "新城", "开发区"};

    private final List<Paragraph> pool;
    private final List<String> units;
    private final List<String> secretaries;

    /** @param analysed analysed reports whose non-heading paragraphs form the pool */
    SyntheticReports(List<ReportDocument> analysed) {
        this.pool = analysed.stream().filter(ReportDocument::ok).flatMap(d -> d.paragraphs().stream())
                .filter(p -> !p.heading() && p.text().length() >= 10).toList();
        this.units = analysed.stream().map(ReportDocument::unit).filter(u -> u != null).distinct().toList();
        this.secretaries = analysed.stream().map(ReportDocument::secretary).filter(u -> u != null).distinct().toList();
        if (pool.isEmpty() || units.isEmpty()) {
            throw new IllegalArgumentException("no analysed paragraphs to build synthetic reports from");
        }
    }

    /** @return the {@code n}-th synthetic report of the stream seeded with {@code seed} */
    ReportDocument report(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + n);
        int count = 20 + rnd.nextInt(21);
        StringBuilder text = new StringBuilder();
        List<Paragraph> paragraphs = new ArrayList<>(count);
        Map<Category, Integer> sectionOf = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Paragraph src = pool.get(rnd.nextInt(pool.size()));
            String t = mutate(src.text(), rnd);
            int start = text.length();
            text.append(t).append('\n');
            int section = sectionOf.computeIfAbsent(src.category(), c -> sectionOf.size());
            Counts c = src.counts();
            paragraphs.add(new Paragraph(i, t, start, start + t.length(), false, section, List.of(), List.of(),
                    src.category(), src.confidence(), List.of(), new Counts(t.length(), c.numbers(), c.entities(),
                    c.vagueTerms(), c.forbiddenVague(), c.emptyPhrases(), c.firstPerson(), c.collective(),
                    c.deflecting())));
        }
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<Category, Integer> e : sectionOf.entrySet()) {
            sections.add(new Section(e.getValue(), 1, e.getKey().label(), "", new Span(0, text.length()), -1,
                    List.of(e.getKey()), "heading", Counts.ZERO));
        }
        String unit = units.get(rnd.nextInt(units.size())) + SUFFIXES[rnd.nextInt(SUFFIXES.length)] + (n / 1000);
        String secretary = secretaries.get(rnd.nextInt(secretaries.size())) + (n % 97);
        String year = Integer.toString(2019 + rnd.nextInt(7));
        String id = "synthetic__" + n;
        Metadata meta = new Metadata(new MetaValue(unit, "manifest"), new MetaValue(secretary, "manifest"),
                new MetaValue(year, "manifest"), Map.of("sector", SECTORS[rnd.nextInt(SECTORS.length)]));
        return ReportDocument.of(id, "synthetic/" + n + ".txt", Long.toHexString(rnd.nextLong()), text.length())
                .withMetadata(meta).withDocType(new DocTypeDecision(DocType.REPORT, 1.0, List.of()))
                .withText(text.toString(), List.of(), List.of()).withStructure(sections, paragraphs);
    }

    /** Changes the digits of a paragraph and, sometimes, swaps two of its clauses (same length: offsets hold). */
    private static String mutate(String t, SplittableRandom rnd) {
        char[] a = t.toCharArray();
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= '0' && a[i] <= '9' && rnd.nextInt(2) == 0) {
                a[i] = (char) ('0' + rnd.nextInt(10));
            }
        }
        String s = new String(a);
        String[] clauses = s.split("，", -1);
        if (clauses.length >= 3 && rnd.nextInt(3) == 0) {
            int i = rnd.nextInt(clauses.length - 1);
            String x = clauses[i];
            clauses[i] = clauses[i + 1];
            clauses[i + 1] = x;
            s = String.join("，", clauses);
        }
        return s;
    }
}
