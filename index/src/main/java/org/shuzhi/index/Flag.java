package org.shuzhi.index;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.shuzhi.pipeline.model.Counts;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ParagraphFlag;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.StableId;

/**
 * The flag vocabulary of the index ({@link Schema#FLAG}): short stable ids a reviewer filters on
 * ({@code --flag vague}), each derived from evidence the pipeline already recorded on the paragraph.
 *
 * <table>
 *   <caption>Flags</caption>
 *   <tr><th>id</th><th>label</th><th>when</th></tr>
 *   <tr><td>{@code vague}</td><td>模糊表述</td><td>at least one vague-term hit ({@code vague-terms.txt})</td></tr>
 *   <tr><td>{@code forbidden-vague}</td><td>禁用模糊词</td><td>部分、一些、少数、有的 (seed notice 002 names them)</td></tr>
 *   <tr><td>{@code empty-phrase}</td><td>套话</td><td>at least one hit of {@code empty-phrases.txt}</td></tr>
 *   <tr><td>{@code deflecting}</td><td>推给他人</td><td>a deflecting stance marker (下面、有的支部 …)</td></tr>
 *   <tr><td>{@code concrete}</td><td>有数据案例</td><td>at least one number with unit, date, % or named entity</td></tr>
 *   <tr><td colspan="3">and one for each of the corpus comparison's paragraph flags ({@link ParagraphFlag}, same id
 *       and label): {@code copied}, {@code copied-template}, {@code recycled}, {@code repeated-problem},
 *       {@code repeated-plan}, {@code plan-kept}, {@code anachronism}, {@code shared-template}</td></tr>
 * </table>
 */
public enum Flag implements StableId {
    VAGUE("模糊表述"),
    FORBIDDEN_VAGUE("禁用模糊词"),
    EMPTY_PHRASE("套话"),
    DEFLECTING("推给他人"),
    CONCRETE("有数据案例"),
    COPIED(ParagraphFlag.COPIED),
    COPIED_TEMPLATE(ParagraphFlag.COPIED_TEMPLATE),
    RECYCLED(ParagraphFlag.RECYCLED),
    REPEATED_PROBLEM(ParagraphFlag.REPEATED_PROBLEM),
    REPEATED_PLAN(ParagraphFlag.REPEATED_PLAN),
    PLAN_KEPT(ParagraphFlag.PLAN_KEPT),
    ANACHRONISM(ParagraphFlag.ANACHRONISM),
    SHARED_TEMPLATE(ParagraphFlag.SHARED_TEMPLATE);

    private static final Map<ParagraphFlag, Flag> BY_PARAGRAPH_FLAG = new EnumMap<>(ParagraphFlag.class);

    static {
        for (Flag f : values()) {
            if (f.comparison != null) {
                BY_PARAGRAPH_FLAG.put(f.comparison, f);
            }
        }
        if (BY_PARAGRAPH_FLAG.size() != ParagraphFlag.values().length) {
            throw new IllegalStateException("every ParagraphFlag needs its index Flag");
        }
    }

    private final String label;
    private final ParagraphFlag comparison;

    Flag(String label) {
        this.label = label;
        this.comparison = null;
    }

    Flag(ParagraphFlag comparison) {
        this.label = comparison.label();
        this.comparison = comparison;
    }

    /** @return the Chinese label shown to users, e.g. 模糊表述 */
    public String label() {
        return label;
    }

    /** @return the index flag of a comparison flag (same id) */
    public static Flag of(ParagraphFlag f) {
        return BY_PARAGRAPH_FLAG.get(f);
    }

    /** @return the flags of a paragraph of {@code doc}, in the order of the vocabulary */
    public static List<Flag> of(ReportDocument doc, Paragraph p) {
        Counts c = p.counts();
        List<Flag> out = new ArrayList<>();
        if (c.vagueTerms() > 0) {
            out.add(VAGUE);
        }
        if (c.forbiddenVague() > 0) {
            out.add(FORBIDDEN_VAGUE);
        }
        if (c.emptyPhrases() > 0) {
            out.add(EMPTY_PHRASE);
        }
        if (c.deflecting() > 0) {
            out.add(DEFLECTING);
        }
        if (c.numbers() + c.entities() > 0) {
            out.add(CONCRETE);
        }
        doc.comparison().flags(p.index()).forEach(f -> out.add(of(f)));
        return out;
    }
}
