package org.shuzhi.pipeline.dict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * All term lists of a {@code dictionaries/} folder, loaded once and passed to the stages that need them (no static
 * singleton). Immutable and thread-safe.
 *
 * <p>Lists the pipeline requires (each documented in {@code dictionaries/README.md}): {@value #DOMAIN_TERMS},
 * {@value #VAGUE_TERMS}, {@value #EMPTY_PHRASES}, {@value #CAUSE_MARKERS}, {@value #STANCE_MARKERS},
 * {@value #SECTION_HEADINGS}, {@value #CATEGORY_CUES}, {@value #PLAN_SIGNALS}, {@value #NUMBER_UNITS},
 * {@value #SPUN_SYNONYMS}, {@value #DOC_TYPE_CUES}, {@value #PLACEHOLDERS}, {@value #WATERMARKS},
 * {@value #BOILERPLATE_LINES}, {@value #SURNAMES}.
 */
public final class Dictionaries {
    public static final String DOMAIN_TERMS = "domain-terms";
    public static final String VAGUE_TERMS = "vague-terms";
    public static final String EMPTY_PHRASES = "empty-phrases";
    public static final String CAUSE_MARKERS = "cause-markers";
    public static final String STANCE_MARKERS = "stance-markers";
    public static final String SECTION_HEADINGS = "section-headings";
    public static final String CATEGORY_CUES = "category-cues";
    public static final String PLAN_SIGNALS = "plan-signals";
    public static final String NUMBER_UNITS = "number-units";
    public static final String SPUN_SYNONYMS = "spun-synonyms";
    public static final String DOC_TYPE_CUES = "doc-type-cues";
    public static final String PLACEHOLDERS = "placeholders";
    public static final String WATERMARKS = "watermarks";
    public static final String BOILERPLATE_LINES = "boilerplate-lines";
    public static final String SURNAMES = "surnames";

    /**
     * The lists the per-document analysis (cleaning, structure, segmentation, features, categories) reads: they shape
     * what the category model sees, so they go into its training-data hash. Lists used only by later steps (copy
     * detection, assessment) are not among them.
     */
    public static final Set<String> ANALYSIS_LISTS = Set.of(DOMAIN_TERMS, VAGUE_TERMS, EMPTY_PHRASES, CAUSE_MARKERS,
            STANCE_MARKERS, SECTION_HEADINGS, CATEGORY_CUES, PLAN_SIGNALS, NUMBER_UNITS, SPUN_SYNONYMS, DOC_TYPE_CUES,
            PLACEHOLDERS, WATERMARKS, BOILERPLATE_LINES, SURNAMES);

    private static final Set<String> REQUIRED = ANALYSIS_LISTS;

    private final Path root;
    private final Map<String, TermList> lists;

    private Dictionaries(Path root, Map<String, TermList> lists) {
        this.root = root;
        this.lists = lists;
    }

    /**
     * Loads every {@code terms/*.txt} below {@code root}.
     *
     * @param root a {@code dictionaries/} folder
     * @throws DictionaryException if the folder or a required list is missing, or a list is malformed
     */
    public static Dictionaries load(Path root) {
        Path terms = root.resolve("terms");
        if (!Files.isDirectory(terms)) {
            throw new DictionaryException(terms, 0, "dictionary folder not found (set --dictionaries or SHUZHI_HOME)");
        }
        Map<String, TermList> lists = new TreeMap<>();
        try (Stream<Path> files = Files.list(terms)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                TermList l = TermList.load(f);
                lists.put(l.name(), l);
            }
        } catch (IOException e) {
            throw new DictionaryException(terms, 0, "cannot list: " + e.getMessage(), e);
        }
        for (String r : REQUIRED) {
            if (!lists.containsKey(r)) {
                throw new DictionaryException(terms.resolve(r + ".txt"), 0, "required term list is missing");
            }
        }
        return new Dictionaries(root, Map.copyOf(lists));
    }

    /** @return the folder the lists came from */
    public Path root() {
        return root;
    }

    /**
     * @return the list named {@code name} (file name without {@code .txt})
     * @throws IllegalArgumentException if there is no such list
     */
    public TermList list(String name) {
        TermList l = lists.get(name);
        if (l == null) {
            throw new IllegalArgumentException("no term list " + name + " in " + root);
        }
        return l;
    }

    /** @return the names of all loaded lists */
    public Set<String> names() {
        return lists.keySet();
    }
}
