package org.shuzhi.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.shuzhi.app.quality.BriefDocx;
import org.shuzhi.app.render.BriefPages;
import org.shuzhi.app.render.MeetingBrief;
import org.shuzhi.pipeline.compare.SharedTemplates;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.InputFiles;

/**
 * Writes the meeting outputs from the published JSON of the run (nothing analysed again): {@value BriefPages#SHARED}
 * (疑似共同范文 groups of the comparison), {@value BriefPages#BRIEF} and {@value BriefPages#BRIEF_DOCX} (the brief over
 * the reports on a year-over-year page: the meeting is the whole run) and, when a manifest column names the meetings
 * ({@code analyze --meeting-column}), one brief per meeting ({@code brief-<name>.html|docx}: the units whose reports
 * carry that value in the column). Rewritten on every run.
 */
final class MeetingOutputs {
    private MeetingOutputs() {
    }

    /** What was written: units on the run's brief, shared-template groups, meetings with their own brief. */
    record Result(int units, int groups, int meetings) {
    }

    /**
     * @param out    the output folder
     * @param store  the run's documents, as published
     * @param ids    every report id of the run (its published document is in {@code store})
     * @param units  unit → ids of its reports on a year-over-year page
     * @param groups the 疑似共同范文 groups of the run's comparison
     * @param column the manifest column whose values name the meetings, or null
     * @throws UncheckedIOException if a file cannot be read or written
     */
    static Result write(Path out, org.shuzhi.pipeline.run.DocumentStore store, List<String> ids, Map<String, List<String>> units,
                        List<SharedTemplates.Group> groups, String column) {
        Map<String, ReportDocument> docs = new HashMap<>();
        for (String id : ids) {
            ReportDocument d = store.loadWithoutTokens(id);
            if (d.ok() && d.comparison().compared()) {
                docs.put(id, d);
            }
        }
        Map<String, List<ReportDocument>> byUnit = new TreeMap<>();
        int inUnits = 0;
        for (Map.Entry<String, List<String>> u : units.entrySet()) {
            List<ReportDocument> ds = new ArrayList<>();
            u.getValue().stream().map(docs::get).filter(d -> d != null).forEach(ds::add);
            if (!ds.isEmpty()) {
                byUnit.put(u.getKey(), ds);
                inUnits += ds.size();
            }
        }
        BriefPages pages = new BriefPages();
        List<BriefPages.MeetingRow> meetings = new ArrayList<>();
        if (column != null) {
            for (Map.Entry<String, Map<String, List<ReportDocument>>> m : meetings(byUnit, column).entrySet()) {
                MeetingBrief b = MeetingBrief.of(m.getKey(), m.getValue(), 0);
                String name = "brief-" + InputFiles.reportId(m.getKey());
                write(out, pages, b, name, column, List.of());
                meetings.add(new BriefPages.MeetingRow(m.getKey(), name + ".html", b.units().size()));
            }
        }
        MeetingBrief brief = MeetingBrief.of(null, byUnit, docs.size() - inUnits);
        org.shuzhi.pipeline.io.AtomicFiles.write(out.resolve(BriefPages.SHARED), pages.shared(groups, docs));
        write(out, pages, brief, "brief", column, meetings);
        return new Result(brief.units().size(), groups.size(), meetings.size());
    }

    /**
     * @return meeting name → unit → the unit's reports up to the year of its report in that meeting (the latest year
     *         whose report has the name in {@code column}); meetings in name order
     */
    static Map<String, Map<String, List<ReportDocument>>> meetings(Map<String, List<ReportDocument>> byUnit,
                                                                   String column) {
        Map<String, Map<String, List<ReportDocument>>> out = new TreeMap<>();
        for (Map.Entry<String, List<ReportDocument>> u : byUnit.entrySet()) {
            Map<String, Integer> latest = new TreeMap<>();
            for (ReportDocument d : u.getValue()) {
                String v = d.metadata().extra().get(column);
                if (v != null && !v.isBlank() && d.year() != null) {
                    latest.merge(v.strip(), d.year(), Math::max);
                }
            }
            latest.forEach((meeting, year) -> out.computeIfAbsent(meeting, k -> new TreeMap<>()).put(u.getKey(),
                    u.getValue().stream().filter(d -> d.year() != null && d.year() <= year).toList()));
        }
        return out;
    }

    private static void write(Path out, BriefPages pages, MeetingBrief b, String name, String column,
                              List<BriefPages.MeetingRow> meetings) {
        org.shuzhi.pipeline.io.AtomicFiles.write(out.resolve(name + ".html"), pages.brief(b, name + ".docx", column, meetings));
        Path docx = out.resolve(name + ".docx");
        try {
            Files.write(docx, new BriefDocx().render(b));
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 " + docx + "：" + e.getMessage(), e);
        }
    }
}
