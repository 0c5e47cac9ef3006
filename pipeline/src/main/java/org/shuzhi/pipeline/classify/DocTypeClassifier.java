package org.shuzhi.pipeline.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shuzhi.pipeline.dict.DictionaryException;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.DocTypeDecision;
import org.shuzhi.pipeline.model.Evidence;
import org.shuzhi.pipeline.model.TermMatch;

/**
 * Report vs speech vs notice, by weighted cues from {@code doc-type-cues} (columns cue, docType, weight, where):
 * each cue found in its region adds its weight to its type once (regions: {@code title} = the first 2 lines,
 * {@code start} = the first {@value #EDGE} characters, {@code end} = the last {@value #EDGE}, {@code any}). The type
 * with the largest total wins; confidence = its share of the total. With no cue at all the document is taken as a
 * report with confidence 0.5 (the tool's input is reports; DOMAIN.md §5 notes the mix). Thread-safe.
 */
public final class DocTypeClassifier {
    /** Size of the start and end regions, in UTF-16 code units. */
    public static final int EDGE = 300;

    private record Cue(TermList.Entry entry, DocType type, double weight, String where) {
    }

    private final TermList cues;
    private final Map<String, Cue> byTerm = new java.util.HashMap<>();

    /** @throws DictionaryException if a cue line has an unknown type, weight or region */
    public DocTypeClassifier(Dictionaries dict) {
        this.cues = dict.list(Dictionaries.DOC_TYPE_CUES);
        for (TermList.Entry e : cues.entries()) {
            try {
                DocType t = DocType.valueOf(e.column(0).toUpperCase(Locale.ROOT));
                double w = Double.parseDouble(e.column(1));
                String where = e.column(2).isEmpty() ? "any" : e.column(2);
                if (!List.of("title", "start", "end", "any").contains(where) || t == DocType.UNKNOWN) {
                    throw new IllegalArgumentException(where);
                }
                byTerm.put(e.term(), new Cue(e, t, w, where));
            } catch (IllegalArgumentException ex) {
                throw new DictionaryException(cues.file(), e.line(),
                        "expected cue⇥report|speech|notice⇥weight⇥title|start|end|any");
            }
        }
    }

    /** @return the type of a document with cleaned text {@code text} */
    public DocTypeDecision classify(String text) {
        String folded = TextFold.fold(text);
        int titleEnd = nthLineEnd(text, 2);
        Map<DocType, Double> score = new EnumMap<>(DocType.class);
        List<Evidence> ev = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TermMatch m : cues.find(folded)) {
            Cue c = byTerm.get(m.term());
            int s = m.span().start();
            boolean in = switch (c.where) {
                case "title" -> s < titleEnd;
                case "start" -> s < EDGE;
                case "end" -> m.span().end() > text.length() - EDGE;
                default -> true;
            };
            if (in && seen.add(m.term())) {
                score.merge(c.type, c.weight, Double::sum);
                ev.add(new Evidence("doctype.cue", m.span().of(text) + "（" + c.where + "）", m.span(), c.weight,
                        c.type.id()));
            }
        }
        double total = score.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total == 0) {
            ev.add(new Evidence("doctype.default", "未发现讲话或通知特征，按述职报告处理", null, 0, "report"));
            return new DocTypeDecision(DocType.REPORT, 0.5, ev);
        }
        DocType best = score.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        ev.sort(Comparator.comparingDouble(Evidence::weight).reversed());
        return new DocTypeDecision(best, score.get(best) / total, ev);
    }

    private static int nthLineEnd(String text, int n) {
        int pos = -1;
        for (int i = 0; i < n; i++) {
            pos = text.indexOf('\n', pos + 1);
            if (pos < 0) {
                return text.length();
            }
        }
        return pos;
    }
}
