package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Where a copied passage came from, seen from the report that contains it (DOMAIN.md §6: recycled last-year text,
 * W10/W11; copying from colleagues and online templates, W8/W12, seed 003). The JSON, index and UI name is the
 * lower-case, dash-separated {@link #id()}.
 */
public enum SourceKind implements StableId {
    /**
     * An earlier year's report of the same unit or of the same secretary (recycled text, 照搬往年). Kept apart from
     * the others in every ratio.
     */
    OWN_EARLIER_YEAR("本单位或本人往年报告"),
    /** Another unit's report of the same year (a colleague's report, 抄同事). */
    COLLEAGUE_SAME_YEAR("同年其他单位报告"),
    /**
     * Any other analysed document: another unit's report of another year, a report of unknown year, or a second
     * copy of the same unit's report of the same year (e.g. the same report submitted as .docx and .pdf).
     */
    OTHER_REPORT("其他报告"),
    /** A text of the template library (online 范文 collections such as the 003 seed). */
    TEMPLATE("网络范文/模板");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    /** @return the Chinese label shown to users */
    public String label() {
        return label;
    }

    /** @return true for text written by someone else (colleagues, other reports, templates): "copied" text */
    public boolean others() {
        return this != OWN_EARLIER_YEAR;
    }

    /**
     * @param id the stable id, or its contract-1 spelling (see {@link StableId})
     * @throws IllegalArgumentException if no constant has this id
     */
    @JsonCreator
    public static SourceKind fromId(String id) {
        return StableId.fromId(SourceKind.class, id);
    }
}
