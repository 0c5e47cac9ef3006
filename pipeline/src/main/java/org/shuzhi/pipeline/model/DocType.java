package org.shuzhi.pipeline.model;

/**
 * The genre of an input document (DOMAIN.md §5: the "6篇述职报告" of the 003 seed hold only two real reports). Only
 * {@link #REPORT}s are scored as reports; speeches and notices are still extracted, structured and indexed.
 */
public enum DocType implements StableId {
    /** 述职报告: a secretary's own account. */
    REPORT("述职报告"),
    /** 讲话/点评: a leader's speech or review comment at the meeting (同志们：… 谢谢大家). */
    SPEECH("讲话点评"),
    /** 通知/工作方案/实施意见: the rules of a 述职评议 round. */
    NOTICE("通知方案"),
    /**
     * Not a document of the 述职 round: near-empty text, text unrelated to Party building (a file that only says it is
     * not a Word document), or news about a 述职 meeting. Nothing to analyse as a report.
     */
    OTHER("其他文本"),
    /** No evidence either way (e.g. the file could not be read). */
    UNKNOWN("未知");

    private final String label;

    DocType(String label) {
        this.label = label;
    }

    /** @return the Chinese label shown to users */
    public String label() {
        return label;
    }
}
