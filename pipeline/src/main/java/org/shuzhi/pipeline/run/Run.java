package org.shuzhi.pipeline.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.compare.SharedTemplates;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.DictionaryException;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.extract.ParseProcesses;
import org.shuzhi.pipeline.extract.TesseractOcr;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.profile.ProfileException;

/**
 * One run of shuzhi over an input folder, the same for the command line, the server and the benchmarks. Its phases,
 * in order:
 * <ol>
 *   <li><b>analyse</b> every changed file ({@link Batch} over the {@link Pipeline}); each document goes to the work
 *       store ({@link DocumentStore}) and its fingerprints to the comparison as soon as it is done; an unchanged file
 *       (same content, same analysis) is taken from the store;</li>
 *   <li><b>compare</b> all reports with each other, with earlier years and with the template library
 *       ({@link CorpusPhase});</li>
 *   <li><b>assess</b> each report against its notice profile ({@link AssessPhase}) and</li>
 *   <li><b>publish</b> it to the {@link Sink}s (JSON, pages, index …), only where something changed
 *       ({@link PublishPhase}, {@link PublishLedger});</li>
 * </ol>
 * then the sinks {@link Sink#finish finish}. State between runs is in {@code <out>/.shuzhi/} ({@link WorkState}), so a
 * re-run, or the run after a crash, resumes from the work store. Nothing in a run calls back into a command; a fatal
 * problem is a {@link RunFailure}.
 */
public final class Run {
    /**
     * What to run.
     *
     * @param input        the input folder
     * @param out          the output folder (its {@code .shuzhi/} holds the work state)
     * @param templates    the template folder ({@code --templates}), or null
     * @param dictionaries the dictionaries folder, or null when none was found
     * @param threads      threads, ≥ 1
     * @param compare      the comparison's options
     * @param limits       the extraction limits
     * @param profile      the notice profile for every report ({@code --profile}), or null
     * @param commitEvery  reports between two commits of the sinks, ≥ 1
     * @param build        what identifies the program build (part of the analysis key)
     * @param ocr          true to read scans and images with Tesseract when it is installed (else SCANNED_NO_TEXT
     *                     with the install hint)
     * @param parseInProcess true to parse on threads of this process; false to parse in child processes
     *                     ({@link ParseProcesses}), so that a parse over the time limit is stopped
     * @param parseHeapMb  each parsing child's maximum heap, MiB (≥ 64; unused when parsing in process)
     */
    public record Options(Path input, Path out, Path templates, Path dictionaries, int threads, CompareOptions compare,
                          ExtractionLimits limits, String profile, int commitEvery, String build, boolean ocr,
                          boolean parseInProcess, int parseHeapMb) {
        /** The default {@code --min-match} of a run, normalised characters (CNKI's 连续 13 字; README "比对"). */
        public static final int MIN_MATCH = 13;
        /** The default number of reports between two commits of the sinks. */
        public static final int COMMIT_EVERY = 500;
        /** The default maximum heap of a parsing child process, MiB. */
        public static final int PARSE_HEAP_MB = 768;

        /**
         * The options of {@code shuzhi analyze <input> --out <out>} with every other option at its default: no
         * template folder, one thread per core, {@link #MIN_MATCH}, {@link ExtractionLimits#DEFAULT}, the profile of
         * the manifest, {@link #COMMIT_EVERY}, OCR when installed, parsing in child processes of
         * {@link #PARSE_HEAP_MB}.
         *
         * @param dictionaries the dictionaries folder, or null when none was found
         * @param build        what identifies the program build
         */
        public static Options defaults(Path input, Path out, Path dictionaries, String build) {
            int cores = Runtime.getRuntime().availableProcessors();
            return new Options(input, out, null, dictionaries, cores, CompareOptions.withMinMatch(MIN_MATCH),
                    ExtractionLimits.DEFAULT, null, COMMIT_EVERY, build, true, false, PARSE_HEAP_MB);
        }

        /** @return a copy with {@code n} threads (≥ 1) */
        public Options withThreads(int n) {
            return new Options(input, out, templates, dictionaries, n, compare, limits, profile, commitEvery, build,
                    ocr, parseInProcess, parseHeapMb);
        }
    }

    /** Told of the progress of the analyse and publish phases. Called from several threads, one call at a time. */
    public interface Progress {
        /** No progress shown. */
        Progress NONE = new Progress() {
        };

        /** A phase starts: its Chinese name and the number of steps. */
        default void start(String phase, int steps) {
        }

        /** One step of the current phase is done (e.g. one file), with a note. */
        default void step(String note) {
        }

        /** The current phase is over. */
        default void end() {
        }
    }

    /**
     * What a run did, for the sinks' {@link Sink#finish} and the command's summary.
     *
     * @param ids             every report id of the input, in input order
     * @param analysis        the analyse phase (files, failures, stage times)
     * @param compareLine     the Chinese one-line summary of the comparison
     * @param warnings        Chinese notes (unreadable templates …)
     * @param sharedTemplates the 疑似共同范文 groups
     * @param documents       the work store (each report as published)
     * @param compareMs       the compare phase, ms
     * @param publishMs       the assess and publish phases, ms
     * @param published       reports published in this run
     * @param unchanged       reports whose outputs were current
     * @param finishMs        the sinks' {@link Sink#finish}, ms (0 in the result the sinks are given)
     */
    public record Result(List<String> ids, RunSummary analysis, String compareLine, List<String> warnings,
                         List<SharedTemplates.Group> sharedTemplates, DocumentStore documents, long compareMs,
                         long publishMs, int published, int unchanged, long finishMs) {
    }

    private final Options options;
    private final InputFiles.Listing listing;
    private final Dictionaries dict;
    private final Manifest manifest;
    private final AssessPhase assess;

    private Run(Options options, InputFiles.Listing listing, Dictionaries dict, Manifest manifest, AssessPhase assess) {
        this.options = options;
        this.listing = listing;
        this.dict = dict;
        this.manifest = manifest;
        this.assess = assess;
    }

    /**
     * Checks the options and loads what the run needs: the listing of the input (without the template folder), the
     * dictionaries, the manifest and the notice profiles.
     *
     * @throws RunFailure when the input, the templates, the dictionaries, the manifest or the profile cannot be used
     */
    public static Run open(Options options) {
        Path input = options.input();
        if (!Files.isDirectory(input)) {
            throw new RunFailure(RunFailure.Kind.INPUT, (Files.exists(input) ? "不是文件夹：" : "输入文件夹不存在：") + input
                    + "。请指定包含述职报告文件的文件夹，例如 ./shuzhi analyze corpus-samples", null);
        }
        if (options.templates() != null && !Files.isDirectory(options.templates())) {
            throw new RunFailure(RunFailure.Kind.TEMPLATES, "范文/模板文件夹不存在：" + options.templates()
                    + "。请用 --templates 指定存放网络范文的文件夹。", null);
        }
        InputFiles.Listing listing;
        try {
            listing = withoutTemplates(InputFiles.list(input), input, options.templates());
        } catch (IOException e) {
            throw new RunFailure(RunFailure.Kind.INPUT, "无法读取输入文件夹 " + input + "：" + e.getMessage(), e);
        }
        if (listing.files().isEmpty()) {
            throw new RunFailure(RunFailure.Kind.NO_REPORT_FILES, "输入文件夹 " + input
                    + " 中没有可分析的报告文件（支持 docx、doc、wps、pdf、txt、html 等格式"
                    + (listing.skipped() == 0 ? "，该文件夹是空的" : "；另有 " + listing.skipped() + " 个其他文件已跳过")
                    + "）。请指定存放述职报告的文件夹，例如 ./shuzhi analyze corpus-samples", null);
        }
        Dictionaries dict;
        Manifest manifest;
        try {
            if (options.dictionaries() == null) {
                throw new DictionaryException(Path.of("dictionaries"), 0, "找不到词表文件夹");
            }
            dict = Dictionaries.load(options.dictionaries());
            manifest = Manifest.load(input);
        } catch (DictionaryException e) {
            throw new RunFailure(RunFailure.Kind.DICTIONARIES, "词表无法加载：" + e.getMessage()
                    + "。请用 --dictionaries 指定仓库中的 dictionaries/ 文件夹。", e);
        } catch (IOException e) {
            throw new RunFailure(RunFailure.Kind.MANIFEST, "manifest.csv 无法读取：" + e.getMessage()
                    + "。请检查其格式（UTF-8，首行为列名）。", e);
        }
        AssessPhase assess;
        try {
            assess = new AssessPhase(dict, options.profile());
        } catch (IllegalArgumentException | ProfileException e) {
            throw new RunFailure(RunFailure.Kind.PROFILE, "通知配置无法使用：" + e.getMessage(), e);
        }
        return new Run(options, listing, dict, manifest, assess);
    }

    /** @return the run's dictionaries */
    public Dictionaries dictionaries() {
        return dict;
    }

    /** @return the input's manifest */
    public Manifest manifest() {
        return manifest;
    }

    /** @return the report ids of the input, in input order */
    public List<String> ids() {
        return listing.files().stream().map(InputFiles::reportId).toList();
    }

    /**
     * Runs the four phases and finishes the sinks.
     *
     * @param sinks    where reports are published, in this order
     * @param progress told of the progress
     * @throws RunFailure        when an output cannot be written or not one file could be read
     * @throws UncheckedIOException when the work state cannot be read or written
     */
    public Result run(List<Sink> sinks, Progress progress) throws InterruptedException {
        WorkState state = openWorkState();
        CorpusPhase corpus;
        Analysed analysed;
        long compareMs;
        Published published;
        try (Pipeline pipeline = pipeline(state)) {
            corpus = CorpusPhase.start(options.input(), options.templates(), pipeline, dict,
                    options.compare().withThreads(options.threads()), state, Set.copyOf(ids())); // template library
            analysed = analyse(pipeline, state, corpus, progress);               // 1. analyse
            compareMs = compare(corpus);                                          // 2. compare
            published = publish(state, corpus, analysed, sinks, progress);      // 3. assess and 4. publish
        } catch (IOException e) {
            throw new RunFailure(RunFailure.Kind.INPUT, "无法读取范文库：" + e.getMessage(), e);
        }
        return finish(sinks, new Result(analysed.ids(), analysed.summary(), corpus.summaryLine(), corpus.warnings(),
                corpus.sharedTemplates(), state.documents(), compareMs, published.millis(),
                published.result().published(), published.result().unchanged(), 0));
    }

    /**
     * What the analyse phase leaves for the others.
     *
     * @param ids      the reports of the run, in input order (a compiled booklet replaced by its reports' ids)
     * @param shas     SHA-256 of each report read (analysed or reused), by id
     * @param analysed ids of the documents analysed in this run (not reused)
     * @param summary  the batch's summary
     */
    private record Analysed(List<String> ids, Map<String, String> shas, Set<String> analysed, RunSummary summary) {
    }

    /** The publish phase's result and its wall-clock time, ms. */
    private record Published(PublishPhase.Result result, long millis) {
    }

    private WorkState openWorkState() {
        try {
            Files.createDirectories(options.out());
        } catch (IOException e) {
            throw new RunFailure(RunFailure.Kind.OUTPUT, "无法创建输出文件夹 " + options.out() + "：" + e.getMessage(), e);
        }
        return WorkState.open(options.out(), options.dictionaries(), options.input(), options.limits(),
                options.profile(), options.build());
    }

    /** The pipeline of the run; files that failed before and are unchanged are not parsed again. */
    private Pipeline pipeline(WorkState state) {
        TesseractOcr ocr = options.ocr() ? TesseractOcr.find("tesseract") : null;
        Pipeline pipeline = Pipeline.standard(dict, manifest, options.limits(), ocr, options.ocr(),
                options.parseInProcess() ? null
                        : new ParseProcesses(options.limits(), options.dictionaries(), options.parseHeapMb()));
        pipeline.recallFailures(sha -> state.failures().recall(state.stamp(sha)));
        return pipeline;
    }

    /**
     * 1. Analyses every file whose stamp changed (the others are taken from the work store) and gives each report to
     * the comparison as soon as it is done.
     */
    private Analysed analyse(Pipeline pipeline, WorkState state, CorpusPhase corpus, Progress progress)
            throws InterruptedException {
        Map<String, String> shas = new ConcurrentHashMap<>();
        Set<String> analysed = ConcurrentHashMap.newKeySet();
        Map<String, List<String>> parts = new ConcurrentHashMap<>(); // a compiled booklet: file id → its reports' ids
        progress.start("分析", listing.files().size());
        RunSummary summary = new Batch(pipeline, options.threads()).run(options.input(), listing, (id, sha) -> {
            boolean reused = state.documents().contains(id) && corpus.reuse(id, sha);
            if (reused) {
                shas.put(id, sha);
                progress.step(id);
            }
            return reused;
        }, d -> {
            state.documents().save(d);
            if (d.extraction().part() != null) {
                parts.computeIfAbsent(d.extraction().part().bookletId(), k -> new ArrayList<>()).add(d.id());
            }
            if (!d.ok() && d.sha256() != null && !d.sha256().isEmpty()) {
                state.failures().record(state.stamp(d.sha256()), d.failure());
            }
            analysed.add(d.id());
            corpus.add(d);
            if (d.ok()) {
                shas.put(d.id(), d.sha256());
            }
            progress.step(d.source());
        });
        progress.end();
        List<String> ids = ids().stream().flatMap(id -> parts.containsKey(id) ? parts.get(id).stream().sorted()
                : java.util.stream.Stream.of(id)).toList();
        return new Analysed(ids, shas, analysed, summary);
    }

    /** 2. Compares every report with the others, earlier years and the template library; returns its time, ms. */
    private static long compare(CorpusPhase corpus) {
        long c0 = System.nanoTime();
        corpus.compare();
        return (System.nanoTime() - c0) / 1_000_000;
    }

    /**
     * 3. and 4. Assesses and publishes every report whose outputs are not current; the ledger then keeps only the
     * run's reports.
     */
    private Published publish(WorkState state, CorpusPhase corpus, Analysed analysed, List<Sink> sinks,
                              Progress progress) throws InterruptedException {
        long p0 = System.nanoTime();
        progress.start("输出", analysed.ids().size());
        PublishPhase.Result r = new PublishPhase(state, assess, sinks, corpus.templates(), options.threads(),
                options.commitEvery()).run(analysed.ids(), analysed.shas(), analysed.analysed(), progress);
        state.ledger().compact(Set.copyOf(analysed.ids()));
        progress.end();
        return new Published(r, (System.nanoTime() - p0) / 1_000_000);
    }

    /** Lets every sink finish (summary pages, index commit) and adds their time to the result. */
    private static Result finish(List<Sink> sinks, Result result) {
        long f0 = System.nanoTime();
        for (Sink s : sinks) {
            s.finish(result);
        }
        return new Result(result.ids(), result.analysis(), result.compareLine(), result.warnings(),
                result.sharedTemplates(), result.documents(), result.compareMs(), result.publishMs(),
                result.published(), result.unchanged(), (System.nanoTime() - f0) / 1_000_000);
    }

    /**
     * Leaves the {@code --templates} folder out of the reports when it lies inside the input folder: its files are
     * the template library, not reports.
     */
    public static InputFiles.Listing withoutTemplates(InputFiles.Listing listing, Path input, Path templates) {
        if (templates == null) {
            return listing;
        }
        Path in = input.toAbsolutePath().normalize();
        Path t = templates.toAbsolutePath().normalize();
        if (!t.startsWith(in) || t.equals(in)) {
            return listing;
        }
        Path rel = in.relativize(t);
        List<String> kept = listing.files().stream().filter(f -> !Path.of(f).startsWith(rel)).toList();
        return new InputFiles.Listing(kept, listing.skipped());
    }
}
