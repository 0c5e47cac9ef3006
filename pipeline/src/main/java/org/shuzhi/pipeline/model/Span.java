package org.shuzhi.pipeline.model;

/**
 * A half-open range {@code [start, end)} of UTF-16 code units into a document's cleaned text
 * ({@link ReportDocument#text()}). These are the units of {@link String#substring(int, int)}, of Lucene's
 * OffsetAttribute and of HanLP's {@code Term.offset}; they are never a character count in the 字数 sense.
 *
 * @param start first code unit, inclusive, {@code >= 0}
 * @param end   code unit after the last one, exclusive, {@code >= start}
 */
public record Span(int start, int end) implements Comparable<Span> {

    /** @throws IllegalArgumentException if {@code start < 0} or {@code end < start} */
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** @return {@code end - start}, in UTF-16 code units */
    public int length() {
        return end - start;
    }

    /** @return true if {@code other} lies entirely within this span */
    public boolean contains(Span other) {
        return other.start >= start && other.end <= end;
    }

    /** @return true if the two spans share at least one code unit */
    public boolean overlaps(Span other) {
        return other.start < end && start < other.end;
    }

    /** @return this span moved right by {@code delta} code units */
    public Span shift(int delta) {
        return new Span(start + delta, end + delta);
    }

    /** @return the covered text of {@code text} */
    public String of(String text) {
        return text.substring(start, end);
    }

    @Override
    public int compareTo(Span o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(o.end, end);
    }
}
