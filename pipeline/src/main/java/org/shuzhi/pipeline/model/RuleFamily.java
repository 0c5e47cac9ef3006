package org.shuzhi.pipeline.model;

/**
 * The family of a quality-analysis rule: the part of a {@link RuleId} before the first dot (e.g. {@code share} in
 * {@code share.achievement-max}), with the Chinese name a reviewer reads when a finding has no title of its own.
 */
public enum RuleFamily implements StableId {
    /** {@code length.*}: the total 字数. */
    LENGTH("全文字数"),
    /** {@code structure.<category>}: a part the profile requires or expects. */
    STRUCTURE("报告结构"),
    /** {@code share.*}: a part's share of the 字数, from the profile. */
    SHARE("篇幅占比"),
    /** {@code budget.*}: a part's 字数 budget, from the profile. */
    BUDGET("部分字数"),
    /** {@code required-topic.<topic>}: a 必答题 of the profile. */
    REQUIRED_TOPIC("必答题"),
    /** {@code data.*}: numbers and cases in the achievements. */
    DATA("数据和事例"),
    /** {@code vague.*}: vague terms in the problems. */
    VAGUE("模糊表述"),
    /** {@code boilerplate.*}: 套话. */
    BOILERPLATE("套话"),
    /** {@code focus.*}: Party building rather than business work. */
    FOCUS("聚焦党建"),
    /** {@code stance.*}: the secretary's own stance. */
    STANCE("个人站位"),
    /** {@code cause.*}: subjective causes. */
    CAUSE("原因剖析"),
    /** {@code problem.*}: the depth of the problems. */
    PROBLEM("查摆问题"),
    /** {@code plan.*}: plans that answer the problems, concretely. */
    PLAN("下步打算"),
    /** {@code originality.*}: copied, recycled or shared text. */
    ORIGINALITY("原创性");

    private final String label;

    RuleFamily(String label) {
        this.label = label;
    }

    /** @return the Chinese name of the family, e.g. 篇幅占比 */
    public String label() {
        return label;
    }
}
