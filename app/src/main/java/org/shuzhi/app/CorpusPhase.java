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
    private final CorpusComparison cc;
    private final List<ReportDocument> templates;
    private final List<String> warnings;

    private CorpusPhase(CorpusComparison cc, List<ReportDocument> templates, List<String> warnings) {
        this.cc = cc;
        this.templates = templates;
        this.warnings = warnings;
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
     * Reads the template library and prepares the comparison; analysed reports are then fed one by one with
     * {@link #add} (from the batch's sink, as they finish), so that no document has to be kept.
     *
     * @param input     the input folder
     * @param templates the folder given with {@code --templates}, or null
     * @param reportIds ids of the input's reports (a template with the same id is not used)
     * @throws IOException if a template folder cannot be listed
     */
    static CorpusPhase start(Path input, Path templates, Pipeline pipeline, Dictionaries dict, CompareOptions options,
                             java.util.Set<String> reportIds) throws IOException {
        CorpusComparison cc = new CorpusComparison(options, dict, new InMemoryTextStore());
        List<ReportDocument> read = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
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
        return new CorpusPhase(cc, read, warnings);
    }

    /** Adds an analysed document (with its tokens); failed documents are ignored. Not thread-safe. */
    void add(ReportDocument d) {
        cc.add(d);
    }

    /** @return the comparison of every added report, by report id */
    Map<String, Comparison> compare() {
        return cc.compare();
    }

    /** @return the result for the pages, given the published documents (with their comparison) */
    Result result(List<ReportDocument> published) {
        return new Result(published, templates, cc.summary(), warnings);
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
