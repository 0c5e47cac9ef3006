package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The quality analysis of one report against its notice profile: findings, dimension scores, text-quality level and
 * the draft 点评. Filled by {@code org.shuzhi.pipeline.assess.Assessor}.
 *
 * <p>The level is a judgement of the text only, never the official 好/较好/一般/差 grade (see {@link #DISCLAIMER}).
 *
 * @param profile       id of the notice profile used (e.g. {@code s0}), or empty when not assessed
 * @param profileName   the profile's Chinese name
 * @param profileOrigin why this profile: {@code run} (the {@code --profile} option), {@code manifest} (the manifest's
 *                      {@code profile} column) or {@code default}; empty when not assessed
 * @param countingRule  the 字数 counting rule used, e.g. {@code letters-digits}
 * @param totalChars    the report's 字数 by that rule
 * @param findings      every checked rule, in a stable order (structure, proportions, then the other dimensions)
 * @param scores        one score per {@link Dimension}, in enum order
 * @param overall       weighted mean of the assessed dimension scores, 0–100, or null when not assessed
 * @param level         the text-quality level
 * @param levelReasons  why this level, Chinese, one reason a line
 * @param comment       the draft 点评 sentences, in part order (肯定成绩, 指出问题, 提出要求)
 * @param originality   what copy detection found, or null when the report was not compared
 * @param notAssessed   why the report was not assessed (e.g. it is a notice), or empty
 * @param scoreLevel    the level the overall score alone gives, before the cap of {@code cappedBy}
 * @param cappedBy      the rule ids of the 不符合 findings that capped the level below {@code scoreLevel} (see
 *                      {@code QualityScorer}'s table), or empty when the level is the score's
 */
@JsonIgnoreProperties(value = {"disclaimer"}, allowGetters = true)
public record Assessment(String profile, String profileName, String profileOrigin, String countingRule,
                         int totalChars, List<Finding> findings, List<DimensionScore> scores, Double overall,
                         QualityLevel level, List<String> levelReasons, List<CommentSentence> comment,
                         Originality originality, String notAssessed, QualityLevel scoreLevel,
                         List<RuleId> cappedBy) {

    /** The sentence every page and document carries. */
    public static final String DISCLAIMER = "本分析只评价报告文本是否符合通知的撰写要求（文本质量档次），不是述职评议的“好、较好、一般、差”等次；"
            + "等次由述职评议会测评和日常考核决定。";

    /** Not assessed (yet). */
    public static final Assessment NONE = notAssessed("");

    public Assessment {
        findings = List.copyOf(findings);
        scores = List.copyOf(scores);
        levelReasons = List.copyOf(levelReasons);
        comment = List.copyOf(comment);
        scoreLevel = scoreLevel == null ? level : scoreLevel;
        cappedBy = cappedBy == null ? List.of() : List.copyOf(cappedBy);
    }

    /** @return an empty assessment that says why the report was not assessed */
    public static Assessment notAssessed(String why) {
        return new Assessment("", "", "", "", 0, List.of(), List.of(), null, QualityLevel.NONE, List.of(), List.of(),
                null, why, QualityLevel.NONE, List.of());
    }

    /** @return true when the report was assessed against a profile */
    @JsonIgnore
    public boolean assessed() {
        return level != QualityLevel.NONE;
    }

    /** @return the disclaimer, repeated in the JSON so that every consumer sees it */
    @JsonProperty("disclaimer")
    public String disclaimer() {
        return DISCLAIMER;
    }

    /** @return the finding with this rule id, or null */
    public Finding finding(RuleId rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).findFirst().orElse(null);
    }

    /** @return the score of {@code d}, or null when absent */
    public DimensionScore score(Dimension d) {
        return scores.stream().filter(s -> s.dimension() == d).findFirst().orElse(null);
    }
}
