package org.shuzhi.pipeline.model;

/**
 * The quality analysis of one report against its notice profile: findings, dimension scores, text-quality level and
 * the draft 点评. Filled by the assessment step.
 */
public record Assessment() {
    /** Not assessed (yet). */
    public static final Assessment NONE = new Assessment();
}
