package org.shuzhi.pipeline.assess;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Sentence;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.Token;
import org.shuzhi.pipeline.profile.CountingRule;

/**
 * An analysed report as the checks read it: paragraphs by category, 字数 by the profile's counting rule, the folded
 * text for term lists, and the problem and plan items. Built once per assessment; immutable.
 */
final class ReportView {
    /**
     * A problem or plan item: a paragraph, or one of its enumerated items (一是…二是…) when it has two or more.
     *
     * @param span       where it stands
     * @param tokens     its words, plus those of the heading right before it (a numbered problem title); empty when
     *                   the document was read back from JSON (tokens are not written there)
     * @param paragraph  the paragraph it is in
     */
    record Unit(Span span, List<Token> tokens, Paragraph paragraph) {
    }

    final ReportDocument doc;
    final String folded;
    final CountingRule rule;
    final int totalChars;
    private final int[] chars;

    ReportView(ReportDocument doc, CountingRule rule) {
        this.doc = doc;
        this.folded = TextFold.fold(doc.text());
        this.rule = rule;
        this.chars = new int[doc.paragraphs().size()];
        int t = 0;
        for (Paragraph p : doc.paragraphs()) {
            chars[p.index()] = rule.count(p.text());
            t += chars[p.index()];
        }
        this.totalChars = t;
    }

    /** @return 字数 of {@code p} by the profile's rule */
    int chars(Paragraph p) {
        return chars[p.index()];
    }

    /** @return 字数 of all paragraphs (headings included) whose category is in {@code cats} */
    int chars(Set<Category> cats) {
        int n = 0;
        for (Paragraph p : doc.paragraphs()) {
            if (cats.contains(p.category())) {
                n += chars[p.index()];
            }
        }
        return n;
    }

    /** @return the non-heading paragraphs of these categories, in order */
    List<Paragraph> body(Category first, Category... rest) {
        Set<Category> cats = EnumSet.of(first, rest);
        return doc.paragraphs().stream().filter(p -> !p.heading() && cats.contains(p.category())).toList();
    }

    /** @return the sentences of the non-heading paragraphs of these categories */
    List<Sentence> sentences(Category first, Category... rest) {
        List<Sentence> out = new ArrayList<>();
        body(first, rest).forEach(p -> out.addAll(p.sentences()));
        return out;
    }

    /** @return the paragraphs that are part of the report proper: everything but the title and name lines */
    List<Paragraph> content() {
        return doc.paragraphs().stream().filter(p -> p.category() != Category.OTHER).toList();
    }

    /** @return the items of category {@code c}: see {@link Unit} */
    List<Unit> units(Category c) {
        List<Unit> out = new ArrayList<>();
        List<Token> headingTokens = List.of();
        for (Paragraph p : doc.paragraphs()) {
            if (p.category() != c) {
                headingTokens = List.of();
                continue;
            }
            List<Token> tokens = new ArrayList<>();
            p.sentences().forEach(s -> tokens.addAll(s.tokens() == null ? List.of() : s.tokens()));
            if (p.heading()) {
                headingTokens = tokens;
                continue;
            }
            if (p.items().size() >= 2) {
                for (int i = 0; i < p.items().size(); i++) {
                    Span s = p.items().get(i).span();
                    List<Token> ts = new ArrayList<>(i == 0 ? headingTokens : List.of());
                    tokens.stream().filter(t -> s.contains(t.span())).forEach(ts::add);
                    out.add(new Unit(s, ts, p));
                }
            } else {
                List<Token> ts = new ArrayList<>(headingTokens);
                ts.addAll(tokens);
                out.add(new Unit(p.span(), ts, p));
            }
            headingTokens = List.of();
        }
        return out;
    }

    /** @return the text of {@code s}, shortened to {@code max} characters with … */
    String excerpt(Span s, int max) {
        String t = s.of(doc.text()).strip();
        if (t.length() <= max) {
            return t;
        }
        String cut = t.substring(0, max);
        int open = cut.lastIndexOf('“');
        if (open > 0 && cut.indexOf('”', open) < 0) {
            cut = cut.substring(0, open); // never leave a quotation open: the excerpt is itself quoted
        }
        return cut + "…";
    }
}
