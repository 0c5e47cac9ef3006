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
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * Writes the meeting outputs from the published JSON of the run (nothing analysed again): {@value BriefPages#SHARED}
 * (疑似共同范文 over all compared reports), {@value BriefPages#BRIEF} and {@value BriefPages#BRIEF_DOCX} (the brief over
 * the reports on a year-over-year page). Rewritten on every run.
 */
final class MeetingOutputs {
    private MeetingOutputs() {
    }

    /** What was written. */
    record Result(int units, int groups) {
    }

    /**
     * @param out   the output folder
     * @param ids   every report id of the run (its {@code json/<id>.json} exists)
     * @param units unit → ids of its reports on a year-over-year page
     * @throws UncheckedIOException if a file cannot be read or written
     */
    static Result write(Path out, List<String> ids, Map<String, List<String>> units) {
        Map<String, ReportDocument> docs = new HashMap<>();
        Map<String, Comparison> comparisons = new TreeMap<>();
        Map<String, String> unitOf = new HashMap<>();
        for (String id : ids) {
            ReportDocument d = PublishPhase.read(out.resolve("json"), id);
            if (d.ok() && d.comparison().compared()) {
                docs.put(id, d);
                comparisons.put(id, d.comparison());
                unitOf.put(id, d.unit());
            }
        }
        List<SharedTemplates.Group> groups = SharedTemplates.find(comparisons, unitOf, SharedTemplates.MIN_UNITS);
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
        MeetingBrief brief = MeetingBrief.of(byUnit, groups, docs.size() - inUnits);
        BriefPages pages = new BriefPages();
        AnalyzeCommand.write(out.resolve(BriefPages.SHARED), pages.shared(groups, docs));
        AnalyzeCommand.write(out.resolve(BriefPages.BRIEF), pages.brief(brief));
        try {
            Files.write(out.resolve(BriefPages.BRIEF_DOCX), new BriefDocx().render(brief));
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 " + out.resolve(BriefPages.BRIEF_DOCX) + "：" + e.getMessage(), e);
        }
        return new Result(brief.units().size(), groups.size());
    }
}
