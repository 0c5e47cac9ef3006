package org.shuzhi.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.shuzhi.app.quality.BriefDocx;
import org.shuzhi.app.render.BriefPages;
import org.shuzhi.app.render.MeetingBrief;
import org.shuzhi.pipeline.compare.SharedTemplates;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.io.AtomicFiles;
import org.shuzhi.pipeline.run.DocumentStore;
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
    static Result write(Path out, DocumentStore store, List<String> ids, Map<String, List<String>> units,
                        List<SharedTemplates.Group> groups, String column) {
        // one unit's reports in memory at a time: the heap does not grow with the number of reports
        Set<String> idSet = new HashSet<>(ids);
        Set<String> onUnitPages = new HashSet<>();
        units.values().forEach(onUnitPages::addAll);
        Function<String, ReportDocument> compared = id -> {
            if (!idSet.contains(id)) {
                return null;
            }
            ReportDocument d = store.loadWithoutTokens(id);
            return d.ok() && d.comparison().compared() ? d : null;
        };
        Function<String, ReportDocument> inUnits = id -> onUnitPages.contains(id) ? compared.apply(id) : null;
        int skipped = (int) ids.stream().filter(id -> !onUnitPages.contains(id) && compared.apply(id) != null).count();
        List<MeetingBrief.UnitBrief> run = new ArrayList<>();
        Map<String, List<MeetingBrief.UnitBrief>> perMeeting = new TreeMap<>();
        Map<String, Integer> perMeetingSkipped = new HashMap<>();
        for (Map.Entry<String, List<String>> u : units.entrySet()) {
            Map<String, ReportDocument> mine = new LinkedHashMap<>();
            for (String id : u.getValue()) {
                ReportDocument d = compared.apply(id);
                if (d != null) {
                    mine.put(id, d);
                }
            }
            if (mine.isEmpty()) {
                continue;
            }
            Function<String, ReportDocument> byId = id -> mine.containsKey(id) ? mine.get(id) : inUnits.apply(id);
            List<ReportDocument> ds = List.copyOf(mine.values());
            run.add(MeetingBrief.unit(u.getKey(), ds, byId));
            skipped += ds.size() - 1;
            if (column != null) {
                latestPerMeeting(ds, column).forEach((meeting, year) -> {
                    List<ReportDocument> upTo = ds.stream().filter(d -> d.year() != null && d.year() <= year).toList();
                    perMeeting.computeIfAbsent(meeting, k -> new ArrayList<>())
                            .add(MeetingBrief.unit(u.getKey(), upTo, byId));
                    perMeetingSkipped.merge(meeting, upTo.size() - 1, Integer::sum);
                });
            }
        }
        BriefPages pages = new BriefPages();
        List<BriefPages.MeetingRow> meetings = new ArrayList<>();
        for (Map.Entry<String, List<MeetingBrief.UnitBrief>> m : perMeeting.entrySet()) {
            MeetingBrief b = MeetingBrief.ranked(m.getKey(), m.getValue(), perMeetingSkipped.get(m.getKey()));
            String name = "brief-" + InputFiles.reportId(m.getKey());
            write(out, pages, b, name, column, List.of());
            meetings.add(new BriefPages.MeetingRow(m.getKey(), name + ".html", b.units().size()));
        }
        MeetingBrief brief = MeetingBrief.ranked(null, run, skipped);
        AtomicFiles.write(out.resolve(BriefPages.SHARED), pages.shared(groups, store::loadWithoutTokens));
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
            latestPerMeeting(u.getValue(), column).forEach((meeting, year) -> out.computeIfAbsent(meeting,
                    k -> new TreeMap<>()).put(u.getKey(), u.getValue().stream()
                    .filter(d -> d.year() != null && d.year() <= year).toList()));
        }
        return out;
    }

    /** @return meeting name → the latest year of a unit's report carrying that name in {@code column} */
    private static Map<String, Integer> latestPerMeeting(List<ReportDocument> unitReports, String column) {
        Map<String, Integer> latest = new TreeMap<>();
        for (ReportDocument d : unitReports) {
            String v = d.metadata().extra().get(column);
            if (v != null && !v.isBlank() && d.year() != null) {
                latest.merge(v.strip(), d.year(), Math::max);
            }
        }
        return latest;
    }

    private static void write(Path out, BriefPages pages, MeetingBrief b, String name, String column,
                              List<BriefPages.MeetingRow> meetings) {
        AtomicFiles.write(out.resolve(name + ".html"), pages.brief(b, name + ".docx", column, meetings));
        Path docx = out.resolve(name + ".docx");
        try {
            Files.write(docx, new BriefDocx().render(b));
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 " + docx + "：" + e.getMessage(), e);
        }
    }
}
