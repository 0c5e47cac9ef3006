package org.shuzhi.pipeline.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.DictionaryException;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.TermMatch;

/**
 * The {@code category-cues} list ({@code dictionaries/terms/category-cues.txt}: cue⇥category⇥weight, weight 0.2–3.0),
 * read once with one error rule for every user (the rule-based classifier and the model's features). Thread-safe.
 */
public final class CategoryCues {
    private final TermList list;
    private final Map<String, Category> category = new HashMap<>();
    private final Map<String, Double> weight = new HashMap<>();

    /**
     * @throws DictionaryException if a line has an unknown category or a weight that is not a number
     */
    public CategoryCues(Dictionaries dict) {
        list = dict.list(Dictionaries.CATEGORY_CUES);
        for (TermList.Entry e : list.entries()) {
            try {
                category.put(e.term(), Category.fromId(e.column(0)));
                weight.put(e.term(), Double.parseDouble(e.column(1)));
            } catch (RuntimeException ex) {
                throw new DictionaryException(list.file(), e.line(), "expected cue⇥category⇥weight");
            }
        }
    }

    /** @return the cues found in {@code folded} between {@code start} and {@code end} (UTF-16, half-open) */
    public List<TermMatch> find(String folded, int start, int end) {
        return list.find(folded, start, end);
    }

    /** @return the category a cue found by {@link #find} argues for */
    public Category category(String term) {
        return category.get(term);
    }

    /** @return the weight of a cue found by {@link #find} */
    public double weight(String term) {
        return weight.get(term);
    }
}
