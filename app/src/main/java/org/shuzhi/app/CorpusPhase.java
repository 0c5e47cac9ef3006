package org.shuzhi.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.compare.CorpusComparison;
import org.shuzhi.pipeline.compare.InMemoryTextStore;
import org.shuzhi.pipeline.compare.TemplateLibrary;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Pipeline;

/**
 * The corpus phase of {@code analyze}, run after the per-document batch and before the outputs are written: reads the
 * template library ({@code --templates} and {@code .shuzhi-templates} folders of the input) with the same pipeline,
 * compares all analysed documents ({@link CorpusComparison}) and returns them with their {@link Comparison}.
 */
final class CorpusPhase {
    private CorpusPhase() {
    }

    /**
     * @param reports   the analysed documents, with their comparison (failed ones unchanged), in input order
     * @param templates the template texts that were read (failed ones are left out and named in {@code warnings})
     * @param summary   what the comparison did
     * @param warnings  Chinese notes for the run summary (unreadable templates)
     */
    record Result(List<ReportDocument> reports, List<ReportDocument> templates, CorpusComparison.Summary summary,
                  List<String> warnings) {
    }

    /**
     * @param input     the input folder
     * @param templates the folder given with {@code --templates}, or null
     * @throws IOException if a template folder cannot be listed
     */
    static Result run(Path input, Path templates, Pipeline pipeline, Dictionaries dict, CompareOptions options,
                      List<ReportDocument> docs) throws IOException {
        CorpusComparison cc = new CorpusComparison(options, dict, new InMemoryTextStore());
        List<ReportDocument> read = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        java.util.Set<String> reportIds = new java.util.HashSet<>();
        docs.forEach(d -> reportIds.add(d.id()));
        for (TemplateLibrary.TemplateFile f : TemplateLibrary.find(input, templates)) {
            ReportDocument t = pipeline.analyze(f.root(), f.file());
            if (!t.ok()) {
                warnings.add("范文库文件无法读取：" + t.source() + " — " + t.failure().message());
            } else if (reportIds.contains(t.id())) {
                warnings.add("范文库文件与报告编号重复，未使用：" + t.source());
            } else {
                cc.addTemplate(t);
                read.add(t);
            }
        }
        docs.forEach(cc::add);
        Map<String, Comparison> byId = cc.compare();
        List<ReportDocument> out = new ArrayList<>(docs.size());
        for (ReportDocument d : docs) {
            Comparison c = byId.get(d.id());
            out.add(c == null ? d : d.withComparison(c));
        }
        return new Result(out, read, cc.summary(), warnings);
    }

    /** @return the one-line Chinese summary of the comparison for the run summary */
    static String summaryLine(Result r) {
        CorpusComparison.Summary s = r.summary();
        return String.format(Locale.ROOT, "比对完成：%d 篇文档、%d 篇范文，候选 %d 对；抄用他人或范文 %d 篇，照搬往年 %d 篇，"
                        + "问题重复出现 %d 处，打算重复 %d 处，兑现上年承诺 %d 处，时代错位 %d 处；用时 %.1f 秒",
                s.reports(), s.templates(), s.candidatePairs(), s.reportsCopying(), s.reportsRecycling(),
                s.repeatedProblems(), s.repeatedPlans(), s.plansKept(), s.anachronisms(),
                (s.indexMillis() + s.alignMillis() + s.yearMillis()) / 1000.0);
    }
}
