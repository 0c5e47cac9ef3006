package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What a paragraph (or a section, as its kind) does in a 述职报告. The JSON, index and UI name is the
 * {@link #id()} (e.g. {@code self-assessment}); the Chinese label is what users see. Source of the set: DESIGN.md §1 (做法成效 → 问题 → 原因 → 打算,
 * plus 自我评价 and 上年度问题整改情况).
 */
public enum Category implements StableId {
    /** 主要做法及成效: what was done and achieved. */
    ACHIEVEMENT("成绩做法"),
    /** 存在问题: shortcomings found (查摆问题). */
    PROBLEM("存在问题"),
    /** 原因剖析: why the problems exist. */
    CAUSE("原因剖析"),
    /** 下一步打算: measures and plans. */
    PLAN("下步打算"),
    /** 自我评价: the secretary's qualitative self-evaluation. */
    SELF_ASSESSMENT("自我评价"),
    /** 上年度问题整改情况: rectification of last year's problems. */
    RECTIFICATION("整改情况"),
    /** Anything else: titles, name lines, background figures, greetings, attachments. */
    OTHER("其他");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** @return the Chinese label shown to users, e.g. 存在问题 */
    public String label() {
        return label;
    }

    /**
     * The five categories of the real-text labelling rules ({@code ../shared/real/LABELS.md}): rectification already
     * completed is an achievement ("针对上年度问题，已完成整改…"), a self-assessment counts as other.
     *
     * @return {@link #ACHIEVEMENT}, {@link #PROBLEM}, {@link #CAUSE}, {@link #PLAN} or {@link #OTHER}
     */
    public Category coarse() {
        return switch (this) {
            case RECTIFICATION -> ACHIEVEMENT;
            case SELF_ASSESSMENT -> OTHER;
            default -> this;
        };
    }

    /**
     * @param id the stable id, or its contract-1 spelling (see {@link StableId})
     * @throws IllegalArgumentException if no constant has this id
     */
    @JsonCreator
    public static Category fromId(String id) {
        return StableId.fromId(Category.class, id);
    }
}
