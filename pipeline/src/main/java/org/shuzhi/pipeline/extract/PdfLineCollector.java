package org.shuzhi.pipeline.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** A PDFBox text stripper that keeps each page's lines with their left and right edges. Not thread-safe. */
final class PdfLineCollector extends PDFTextStripper {
    private final List<List<PdfLine>> pages = new ArrayList<>();
    private List<PdfLine> page;
    private StringBuilder text = new StringBuilder();
    private float left = Float.MAX_VALUE;
    private float right = 0;
    private float em = 0;

    PdfLineCollector() {
        setSortByPosition(true);
    }

    /** @return the lines of every page, in order; valid after {@code getText} */
    List<List<PdfLine>> pages() {
        return pages;
    }

    @Override
    protected void startPage(PDPage p) throws IOException {
        page = new ArrayList<>();
        super.startPage(p);
    }

    @Override
    protected void endPage(PDPage p) throws IOException {
        flush();
        pages.add(page);
        super.endPage(p);
    }

    @Override
    protected void writeString(String s, List<TextPosition> positions) {
        text.append(s);
        for (TextPosition tp : positions) {
            left = Math.min(left, tp.getXDirAdj());
            right = Math.max(right, tp.getXDirAdj() + tp.getWidthDirAdj());
            em = Math.max(em, tp.getWidthDirAdj());
        }
    }

    @Override
    protected void writeWordSeparator() {
        text.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
        flush();
    }

    private void flush() {
        String s = text.toString().strip();
        if (!s.isEmpty() && page != null) {
            page.add(new PdfLine(s, left, right, em));
        }
        text = new StringBuilder();
        left = Float.MAX_VALUE;
        right = 0;
        em = 0;
    }
}
