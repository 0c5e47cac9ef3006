package org.shuzhi.app.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.shuzhi.pipeline.model.Span;

/**
 * Cuts a paragraph into runs of text, each with the CSS classes and hover reasons of the marks that cover it.
 * Overlapping marks are allowed: a run covered by two marks gets both classes and both reasons.
 */
public final class Highlighter {
    private Highlighter() {
    }

    /**
     * A highlighted span.
     *
     * @param span   absolute span in the cleaned text
     * @param css    CSS class
     * @param reason Chinese hover text
     */
    public record Mark(Span span, String css, String reason) {
    }

    /**
     * A run of text; the template escapes {@code text} and {@code title}.
     *
     * @param text  the run's text
     * @param css   space-separated CSS classes, empty for plain text
     * @param title hover text, empty for plain text
     */
    public record Run(String text, String css, String title) {
    }

    /** @return the runs of {@code text[from, to)}, in order, covering it exactly */
    public static List<Run> runs(String text, int from, int to, List<Mark> marks) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(from, to));
        List<Mark> inside = new ArrayList<>();
        for (Mark m : marks) {
            int s = Math.max(from, m.span().start());
            int e = Math.min(to, m.span().end());
            if (s < e) {
                cuts.add(s);
                cuts.add(e);
                inside.add(new Mark(new Span(s, e), m.css(), m.reason()));
            }
        }
        List<Run> out = new ArrayList<>();
        Integer prev = null;
        for (int c : cuts) {
            if (prev != null) {
                Set<String> css = new LinkedHashSet<>();
                Set<String> why = new LinkedHashSet<>();
                for (Mark m : inside) {
                    if (m.span().start() <= prev && m.span().end() >= c) {
                        css.add(m.css());
                        why.add(m.reason());
                    }
                }
                out.add(new Run(text.substring(prev, c), String.join(" ", css), String.join("；", why)));
            }
            prev = c;
        }
        return out;
    }
}
