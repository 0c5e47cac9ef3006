package org.shuzhi.pipeline.model;

/**
 * The dimensions of the quality analysis (DOMAIN.md §7, the suggested per-report analysis sections). Each finding
 * belongs to one dimension; each dimension gets a 0–100 score.
 */
public enum Dimension implements StableId {
    /** 结构完整性: the required parts (三必述 + 自我评价 + 上年度整改), 必答题. */
    STRUCTURE("结构完整"),
    /** 篇幅比例: total length and the share or budget of each part (R1–R4). */
    PROPORTIONS("篇幅比例"),
    /** 具体性: data and examples, vague terms in the problem part, 套话 density, focus on Party building (R6, R12, R16). */
    CONCRETENESS("具体实在"),
    /** 个人站位: first person vs 班子/下面, problems deflected onto others (R7). */
    STANCE("个人站位"),
    /** 原因剖析: subjective vs objective causes, problem depth (R8, R15). */
    CAUSES("原因剖析"),
    /** 整改措施: plans answer the problems and are concrete (R9). */
    PLANS("整改措施"),
    /** 原创性: copied and recycled text (R11, R17); needs the corpus comparison. */
    ORIGINALITY("原创性");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    /** @return the Chinese label shown to users */
    public String label() {
        return label;
    }
}
