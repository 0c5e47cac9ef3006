package org.shuzhi.pipeline.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.shuzhi.pipeline.compare.CompareInput;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.compare.CorpusComparison;
import org.shuzhi.pipeline.compare.TemplateLibrary;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * The corpus phase of {@code analyze}, between the per-document batch and the outputs: reads the template library
 * ({@code --templates} and {@code .shuzhi-templates} folders of the input) with the same pipeline, takes every
 * analysed report (or, for an unchanged file, its record in the fingerprint store) and compares them all
 * ({@link CorpusComparison}). Texts are kept in the work state's {@link org.shuzhi.pipeline.compare.FileTextStore},
 * not in memory.
 */
final class CorpusPhase {
    private final CorpusComparison cc;
    private final WorkState state;
    private final Map<String, ReportDocument> templates;
    private final List<String> warnings;

    private CorpusPhase(CorpusComparison cc, WorkState state, Map<String, ReportDocument> templates,
                        List<String> warnings) {
        this.cc = cc;
        this.state = state;
        this.templates = templates;
        this.warnings = warnings;
    }

    /**
     * Reads the template library and prepares the comparison; reports are then fed with {@link #add} or
     * {@link #reuse} as the batch finishes them. Template files are analysed on the comparison's threads
     * ({@link Batch}); an unchanged template (same content, same analysis key) is taken from the work state.
     *
     * @param input     the input folder
     * @param templates the folder given with {@code --templates}, or null
     * @param reportIds ids of the input's reports (a template with the same id is not used)
     * @throws IOException          if a template folder cannot be listed
     * @throws InterruptedException if interrupted while templates are analysed
     */
    static CorpusPhase start(Path input, Path templates, Pipeline pipeline, Dictionaries dict, CompareOptions options,
                             WorkState state, Set<String> reportIds) throws IOException, InterruptedException {
        CorpusComparison cc = new CorpusComparison(options, dict, state.store());
        Map<String, ReportDocument> read = new ConcurrentHashMap<>();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Map<Path, List<String>> byRoot = new LinkedHashMap<>();
        for (TemplateLibrary.TemplateFile f : TemplateLibrary.find(input, templates)) {
            byRoot.computeIfAbsent(f.root(), k -> new ArrayList<>())
                    .add(f.root().relativize(f.file()).toString().replace('\\', '/'));
        }
        Batch batch = new Batch(pipeline, options.threads());
        for (Map.Entry<Path, List<String>> root : byRoot.entrySet()) {
            batch.run(root.getKey(), new InputFiles.Listing(root.getValue(), 0), (id, sha) -> {
                if (reportIds.contains(id) || !state.templates().contains(id)) {
                    return false;
                }
                CompareInput in = state.store().load(id, state.templateStamp(sha));
                if (in == null) {
                    return false;
                }
                cc.addTemplate(in);
                read.put(id, state.templates().loadWithoutTokens(id));
                return true;
            }, t -> {
                if (!t.ok()) {
                    if (t.sha256() != null && !t.sha256().isEmpty()) {
                        state.failures().record(state.stamp(t.sha256()), t.failure()); // not parsed again unchanged
                    }
                    warnings.add("范文库文件无法读取：" + t.source() + " — " + t.failure().message());
                } else if (reportIds.contains(t.id())) {
                    warnings.add("范文库文件与报告编号重复，未使用：" + t.source());
                } else {
                    CompareInput in = cc.prepare(t, true);
                    state.templates().save(t);
                    state.store().save(in, state.templateStamp(t.sha256()));
                    cc.addTemplate(in);
                    read.put(t.id(), t);
                }
            });
        }
        List<String> sorted = new ArrayList<>(warnings);
        Collections.sort(sorted);
        return new CorpusPhase(cc, state, new TreeMap<>(read), sorted);
    }

    /**
     * Adds an analysed report: its record goes to the fingerprint store first. Failed documents are ignored.
     * Thread-safe.
     */
    void add(ReportDocument d) {
        if (d.ok()) {
            CompareInput in = cc.prepare(d, false);
            state.store().save(in, state.stamp(d.sha256()));
            cc.add(in);
        }
    }

    /**
     * Adds an unchanged report from the fingerprint store. Thread-safe.
     *
     * @return false when the store has no current record of it (it must be analysed)
     */
    boolean reuse(String id, String sha256) {
        CompareInput in = state.store().load(id, state.stamp(sha256));
        if (in == null) {
            return false;
        }
        cc.add(in);
        return true;
    }

    /**
     * Compares every added report; the results replace the previous run's in the work state's
     * {@link WorkState#comparisons()}, one file per report. Candidate pairs of two unchanged documents are not aligned
     * again ({@link WorkState#alignments()}).
     */
    void compare() {
        state.comparisons().clear();
        cc.compare(state.comparisons(), state.alignments());
    }

    /** @return the 疑似共同范文 groups (after {@link #compare}) */
    List<org.shuzhi.pipeline.compare.SharedTemplates.Group> sharedTemplates() {
        return cc.sharedTemplates();
    }

    /** @return the template texts that were read, by id */
    Map<String, ReportDocument> templates() {
        return templates;
    }

    /** @return Chinese notes for the run summary (unreadable templates) */
    List<String> warnings() {
        return warnings;
    }

    /** @return the one-line Chinese summary of the comparison for the run summary (after {@link #compare}) */
    String summaryLine() {
        CorpusComparison.Summary s = cc.summary();
        String reused = s.alignedPairs() < s.candidatePairs()
                ? String.format(Locale.ROOT, "（%d 对两篇都未改动，沿用上次的对齐）", s.candidatePairs() - s.alignedPairs())
                : "";
        return String.format(Locale.ROOT, "比对完成：%d 篇文档、%d 篇范文，候选 %d 对%s；抄用他人或范文 %d 篇，照搬往年 %d 篇，"
                        + "问题重复出现 %d 处，打算重复 %d 处，兑现上年承诺 %d 处，时代错位 %d 处；用时 %.1f 秒",
                s.reports(), s.templates(), s.candidatePairs(), reused, s.reportsCopying(), s.reportsRecycling(),
                s.repeatedProblems(), s.repeatedPlans(), s.plansKept(), s.anachronisms(),
                (s.indexMillis() + s.alignMillis() + s.yearMillis()) / 1000.0);
    }
}
