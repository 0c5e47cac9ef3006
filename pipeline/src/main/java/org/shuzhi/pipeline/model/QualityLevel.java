package org.shuzhi.pipeline.model;

/**
 * The text-quality level of a report: how well the TEXT meets its notice's writing rules. This is explicitly NOT the
 * official 好/较好/一般/差 grade of the 述职评议考核, which comes from the meeting's votes and the daily assessment
 * (DOMAIN.md §1, §7); the labels are chosen so they cannot be mistaken for it.
 */
public enum QualityLevel implements StableId {
    /** 符合要求: overall score ≥ 80 and no failed required part. */
    MEETS("文本符合要求"),
    /** 基本符合，需小改: overall score ≥ 65. */
    MOSTLY("文本基本符合，需小改"),
    /** 需修改: overall score ≥ 50. */
    REVISE("文本需修改"),
    /** 需重写: overall score &lt; 50. */
    REWRITE("文本需重写"),
    /** Not assessed (not a report, or the file could not be read). */
    NONE("未评估");

    private final String label;

    QualityLevel(String label) {
        this.label = label;
    }

    /** @return the Chinese label shown to users */
    public String label() {
        return label;
    }
}
