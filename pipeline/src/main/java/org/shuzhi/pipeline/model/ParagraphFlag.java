package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The stable vocabulary of per-paragraph flags the corpus comparison sets ({@link Comparison#flags(int)}); the search
 * index stores the {@link #id()}s and filters on them, the pages show the labels. Ids never change meaning; new
 * flags may be added at the end.
 *
 * <table>
 *   <caption>Paragraph flags</caption>
 *   <tr><th>id</th><th>label</th><th>set on a paragraph when</th></tr>
 *   <tr><td>{@code copied}</td><td>抄用他人文字</td><td>it overlaps a copied passage from another unit's report or a
 *       template ({@link SourceKind#others()})</td></tr>
 *   <tr><td>{@code copied-template}</td><td>抄用网络范文</td><td>it overlaps a passage copied from the template
 *       library (a subset of {@code copied})</td></tr>
 *   <tr><td>{@code recycled}</td><td>照搬往年</td><td>it overlaps a passage taken from an earlier year's report of
 *       the same unit or secretary</td></tr>
 *   <tr><td>{@code repeated-problem}</td><td>问题重复出现</td><td>it holds a problem item that matches a problem
 *       item of an earlier year (verbatim or paraphrased): 年年述、年年改、年年在</td></tr>
 *   <tr><td>{@code repeated-plan}</td><td>打算重复许诺</td><td>it holds a plan item that matches a plan item of an
 *       earlier year</td></tr>
 *   <tr><td>{@code plan-kept}</td><td>兑现上年承诺</td><td>it reports as done (achievement or rectification) what an
 *       earlier year's concrete plan promised</td></tr>
 *   <tr><td>{@code anachronism}</td><td>时代错位</td><td>it cites a congress, campaign or year that does not fit the
 *       report's year</td></tr>
 *   <tr><td>{@code shared-template}</td><td>疑似共同范文</td><td>it overlaps a passage that reports of three or more
 *       units share and no template of the library holds ({@link Comparison#sharedTemplates()})</td></tr>
 * </table>
 */
public enum ParagraphFlag implements StableId {
    COPIED("抄用他人文字"),
    COPIED_TEMPLATE("抄用网络范文"),
    RECYCLED("照搬往年"),
    REPEATED_PROBLEM("问题重复出现"),
    REPEATED_PLAN("打算重复许诺"),
    PLAN_KEPT("兑现上年承诺"),
    ANACHRONISM("时代错位"),
    SHARED_TEMPLATE("疑似共同范文");

    private final String label;

    ParagraphFlag(String label) {
        this.label = label;
    }

    /** @return the Chinese label shown to users */
    public String label() {
        return label;
    }

    /**
     * @param id the stable id, or its contract-1 spelling (see {@link StableId})
     * @throws IllegalArgumentException if no constant has this id
     */
    @JsonCreator
    public static ParagraphFlag fromId(String id) {
        return StableId.fromId(ParagraphFlag.class, id);
    }
}
