package org.shuzhi.app.render;

import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.shuzhi.pipeline.compare.SharedTemplates;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * The meeting pages at the top of the output folder, rendered with Pebble (autoescaping, no CDN):
 * {@value #BRIEF} (述职评议会提问参考, {@link MeetingBrief}) and {@value #SHARED} (疑似共同范文,
 * {@link SharedTemplates}). Thread-safe.
 */
public final class BriefPages {
    /** The brief page, relative to the output folder. */
    public static final String BRIEF = "brief.html";
    /** The Word brief, relative to the output folder. */
    public static final String BRIEF_DOCX = "brief.docx";
    /** The shared-template page, relative to the output folder. */
    public static final String SHARED = "templates-shared.html";

    private final PebbleTemplate brief = Templates.load("templates/brief.peb");
    private final PebbleTemplate shared = Templates.load("templates/templates-shared.peb");

    /** A report holding a shared passage, for the page. */
    public record MemberRow(String href, String title, String unit, String text) {
    }

    /** A group for the page. */
    public record GroupRow(int number, String id, String text, List<String> units, List<MemberRow> members) {
    }

    /** A meeting's own brief, linked from the run's brief. */
    public record MeetingRow(String name, String file, int units) {
    }

    /**
     * @param b        the brief
     * @param docx     the file name of its Word version (same folder)
     * @param column   the manifest column that defines the meetings, or null
     * @param meetings the meetings' own briefs (on the run's brief; empty on a meeting's)
     * @return the brief page
     */
    public String brief(MeetingBrief b, String docx, String column, List<MeetingRow> meetings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", b.title());
        m.put("meeting", b.meeting());
        m.put("docx", docx);
        m.put("column", column);
        m.put("meetings", meetings);
        m.put("year", b.year());
        m.put("units", b.units());
        m.put("skipped", b.skipped());
        return Templates.render(brief, m);
    }

    /**
     * @param groups the groups
     * @param docs   a report by id (for titles and paragraph numbers; every member's report is there)
     * @return the shared-template page
     */
    public String shared(List<SharedTemplates.Group> groups, Function<String, ReportDocument> docs) {
        List<GroupRow> rows = groups.stream().map(g -> new GroupRow(g.number(), g.id(), g.text(), g.units(),
                g.members().stream().map(x -> {
                    ReportDocument d = docs.apply(x.reportId());
                    return new MemberRow("html/" + x.reportId() + ".html#p" + MeetingBrief.paragraphOf(d, x.span()),
                            HtmlReport.title(d), x.unit() == null ? "—" : x.unit(), x.text());
                }).toList())).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("groups", rows);
        return Templates.render(shared, m);
    }
}
