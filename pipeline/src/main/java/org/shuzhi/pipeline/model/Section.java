package org.shuzhi.pipeline.model;

import java.util.List;

/**
 * A section: a heading and the paragraphs under it up to the next heading of the same or a higher level. A document
 * without headings has one section of level 0.
 *
 * @param index      position in {@link ReportDocument#sections()}, 0-based
 * @param level      numbering level: 0 = no heading (document body), 1 = 一、, 2 = （一）, 3 = 1. / 1、, 4 = （1） / ①
 * @param heading    the heading text as written (with its marker), or empty for level 0
 * @param marker     the numbering marker, e.g. 三、 or （二）, or empty
 * @param span       from the heading's start to the end of the section's last paragraph
 * @param parent     index of the enclosing section, or -1
 * @param kinds      section kinds in reading order: from the heading (e.g. 存在问题及原因 → problem, cause), else
 *                   inherited from the parent, else empty (unknown)
 * @param kindOrigin where {@code kinds} come from ({@link KindOrigin}; JSON {@code heading}, {@code parent},
 *                   {@code position} or {@code none})
 * @param counts     concreteness counts over the section's paragraphs, including subsections
 */
public record Section(int index, int level, String heading, String marker, Span span, int parent,
                      List<Category> kinds, KindOrigin kindOrigin, Counts counts) {

    /** Where a section's kinds come from. */
    public enum KindOrigin implements StableId {
        /** Its own heading names them (e.g. 存在问题及原因). */
        HEADING("标题"),
        /** Inherited from the enclosing section. */
        PARENT("上级标题"),
        /** A report's unlabelled sections before its problem section are achievements. */
        POSITION("位于问题部分之前"),
        /** Unknown. */
        NONE("无");

        private final String label;

        KindOrigin(String label) {
            this.label = label;
        }

        /** @return the Chinese label */
        public String label() {
            return label;
        }
    }

    /** @return a copy with other kinds */
    public Section withKinds(List<Category> k, KindOrigin origin) {
        return new Section(index, level, heading, marker, span, parent, List.copyOf(k), origin, counts);
    }

    /** @return a copy with other counts */
    public Section withCounts(Counts c) {
        return new Section(index, level, heading, marker, span, parent, kinds, kindOrigin, c);
    }
}
