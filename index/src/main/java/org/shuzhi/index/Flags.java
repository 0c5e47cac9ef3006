package org.shuzhi.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shuzhi.pipeline.model.Counts;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ParagraphFlag;
import org.shuzhi.pipeline.model.ReportDocument;

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
 *   <tr><td colspan="3">and the corpus comparison's paragraph flags ({@link ParagraphFlag}): {@code copied},
 *       {@code copied-template}, {@code recycled}, {@code repeated-problem}, {@code repeated-plan},
 *       {@code plan-kept}, {@code anachronism}</td></tr>
 * </table>
 */
public final class Flags {
    public static final String VAGUE = "vague";
    public static final String FORBIDDEN_VAGUE = "forbidden-vague";
    public static final String EMPTY_PHRASE = "empty-phrase";
    public static final String DEFLECTING = "deflecting";
    public static final String CONCRETE = "concrete";

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put(VAGUE, "模糊表述");
        LABELS.put(FORBIDDEN_VAGUE, "禁用模糊词");
        LABELS.put(EMPTY_PHRASE, "套话");
        LABELS.put(DEFLECTING, "推给他人");
        LABELS.put(CONCRETE, "有数据案例");
        for (ParagraphFlag f : ParagraphFlag.values()) {
            LABELS.put(f.id(), f.label());
        }
    }

    private Flags() {
    }

    /** @return the flags of a paragraph of {@code doc}, in the order of the vocabulary */
    public static List<String> of(ReportDocument doc, Paragraph p) {
        Counts c = p.counts();
        List<String> out = new ArrayList<>();
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
        doc.comparison().flags(p.index()).forEach(f -> out.add(f.id()));
        return out;
    }

    /** @return the Chinese label of a flag id, or the id itself when unknown */
    public static String label(String id) {
        return LABELS.getOrDefault(id, id);
    }

    /** @return every known flag id */
    public static List<String> ids() {
        return List.copyOf(LABELS.keySet());
    }
}
