package org.shuzhi.index;

import java.util.List;
import org.apache.lucene.facet.FacetsConfig;

/**
 * The index schema: every field name, and which fields are facets. There is one Lucene document per paragraph
 * ({@link #TYPE} = {@link #TYPE_PARAGRAPH}) and one per report ({@link #TYPE_REPORT}); both carry the report's
 * metadata, so that every filter works on both.
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>kind</th><th>content</th></tr>
 *   <tr><td>{@value #ID}</td><td>keyword, stored</td><td>{@code <reportId>} or {@code <reportId>#p<index>}</td></tr>
 *   <tr><td>{@value #TYPE}</td><td>keyword, stored</td><td>{@code report} or {@code paragraph}</td></tr>
 *   <tr><td>{@value #REPORT_ID}</td><td>keyword, stored</td><td>the pipeline's report id (path-derived)</td></tr>
 *   <tr><td>{@value #SOURCE}, {@value #SHA256}</td><td>keyword, stored</td><td>input path; hex SHA-256 of the file</td></tr>
 *   <tr><td>{@value #UNIT}, {@value #SECRETARY}, {@value #SECTOR}, {@value #DOC_TYPE}</td><td>keyword, stored,
 *       facet</td><td>metadata; doc type id ({@code report}, {@code speech}, {@code notice}, …)</td></tr>
 *   <tr><td>{@value #YEAR}</td><td>int point, stored, sort, facet</td><td>report year, e.g. 2025</td></tr>
 *   <tr><td>{@value #CATEGORY}</td><td>keyword, stored, facet</td><td>paragraph category id ({@code problem} …)</td></tr>
 *   <tr><td>{@value #SECTION}</td><td>keyword, stored, facet, multi-valued</td><td>kinds of the paragraph's section
 *       (category ids; 存在问题及原因 gives {@code problem} and {@code cause}), or {@code unknown}</td></tr>
 *   <tr><td>{@value #SECTION_HEADING}</td><td>stored</td><td>the heading of the paragraph's section</td></tr>
 *   <tr><td>{@value #FLAG}</td><td>keyword, stored, facet, multi-valued</td><td>see {@link Flag}</td></tr>
 *   <tr><td>{@value #TEXT}</td><td>HanLP-analysed, stored, offsets</td><td>paragraph text (paragraph documents only:
 *       a report is found through its paragraphs, and its text is not analysed twice)</td></tr>
 *   <tr><td>{@value #PARAGRAPH}, {@value #START}, {@value #END}</td><td>stored (paragraph also sort)</td>
 *       <td>paragraph index (0-based) and its half-open UTF-16 span in the cleaned text</td></tr>
 *   <tr><td>{@value #CHARS}</td><td>stored</td><td>字数 by the default counting rule</td></tr>
 *   <tr><td>{@value #CONCRETENESS}, {@value #VAGUENESS}</td><td>stored, sort</td><td>(numbers + named entities)
 *       per 100 字; (vague terms + 套话) per 100 字</td></tr>
 *   <tr><td>{@value #CONFIDENCE}</td><td>stored</td><td>category probability, 0–1</td></tr>
 *   <tr><td>{@value #LEVEL}</td><td>keyword, stored, facet</td><td>the report's text-quality level id ({@code meets},
 *       {@code mostly}, {@code revise}, {@code rewrite}, {@code none}); not the official grade</td></tr>
 *   <tr><td>{@value #PROFILE}</td><td>keyword, stored</td><td>the notice profile the report was assessed against</td></tr>
 *   <tr><td>{@value #SCORE}</td><td>stored, sort</td><td>the report's overall text-quality score, 0–100 (absent when not
 *       assessed)</td></tr>
 *   <tr><td>{@value #HEADING}</td><td>stored</td><td>1 when the paragraph is a section heading, else 0</td></tr>
 * </table>
 */
public final class Schema {
    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String REPORT_ID = "report_id";
    public static final String SOURCE = "source";
    public static final String SHA256 = "sha256";
    public static final String UNIT = "unit";
    public static final String SECRETARY = "secretary";
    public static final String SECTOR = "sector";
    public static final String DOC_TYPE = "doc_type";
    public static final String YEAR = "year";
    public static final String CATEGORY = "category";
    public static final String SECTION = "section";
    public static final String SECTION_HEADING = "section_heading";
    public static final String FLAG = "flag";
    public static final String TEXT = "text";
    public static final String PARAGRAPH = "paragraph";
    public static final String START = "start";
    public static final String END = "end";
    public static final String CHARS = "chars";
    public static final String CONCRETENESS = "concreteness";
    public static final String VAGUENESS = "vagueness";
    public static final String CONFIDENCE = "confidence";
    public static final String HEADING = "heading";
    public static final String LEVEL = "level";
    public static final String PROFILE = "profile";
    public static final String SCORE = "score";

    public static final String TYPE_REPORT = "report";
    public static final String TYPE_PARAGRAPH = "paragraph";

    /** The facet dimensions, in the order the UI shows them. */
    public static final List<String> FACETS = List.of(YEAR, UNIT, CATEGORY, SECTION, FLAG, LEVEL, DOC_TYPE, SECTOR,
            SECRETARY);

    /** The keyword fields a filter or a {@code field:value} query clause may name. */
    public static final List<String> KEYWORD_FIELDS = List.of(ID, TYPE, REPORT_ID, SOURCE, SHA256, UNIT, SECRETARY,
            SECTOR, DOC_TYPE, YEAR, CATEGORY, SECTION, FLAG, LEVEL, PROFILE);

    private Schema() {
    }

    /** @return the facet configuration shared by the writer and the searcher */
    static FacetsConfig facetsConfig() {
        FacetsConfig c = new FacetsConfig();
        c.setMultiValued(FLAG, true);
        c.setMultiValued(SECTION, true);
        return c;
    }
}
