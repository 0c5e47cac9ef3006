package org.shuzhi.pipeline.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.extract.BookletSplitter;
import org.shuzhi.pipeline.extract.ExtractionResult;
import org.shuzhi.pipeline.extract.Extractor;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.Failure;
import org.shuzhi.pipeline.model.FailureKind;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * Extraction followed by an explicit, ordered list of {@link Stage}s, checked when assembled (each stage's
 * requirements must be provided by extraction or an earlier stage) and timed per stage. The same engine serves the
 * batch command and (later) the web service. Thread-safe: analyse files from as many threads as you like.
 */
public final class Pipeline implements AutoCloseable {
    /** The extraction step's name in {@link #timings()}. */
    public static final String EXTRACT = "extract";

    private final Extractor extractor;
    private final List<Stage> stages;
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private volatile FailureMemory memory;

    /**
     * Failures of earlier runs, so that a file that failed is not parsed again until it changes (a TIMEOUT costs its
     * timeout once, not on every run).
     */
    @FunctionalInterface
    public interface FailureMemory {
        /**
         * @param sha256 a file's SHA-256 (lower-case hex)
         * @return how that content failed in an earlier run with the same analysis settings, or null
         */
        Failure recall(String sha256);
    }

    /** Sets where earlier failures are looked up before a file is parsed; null: every file is parsed. */
    public void recallFailures(FailureMemory memory) {
        this.memory = memory;
    }

    /**
     * @throws IllegalArgumentException if a stage needs an annotation no earlier stage provides
     */
    public Pipeline(Extractor extractor, List<Stage> stages) {
        Set<String> have = new HashSet<>(Set.of(Stage.RAW_TEXT));
        for (Stage s : stages) {
            for (String r : s.requires()) {
                if (!have.contains(r)) {
                    throw new IllegalArgumentException("stage " + s.name() + " requires " + r
                            + ", which no earlier stage provides");
                }
            }
            have.addAll(s.provides());
        }
        this.extractor = extractor;
        this.stages = List.copyOf(stages);
    }

    /** The standard pipeline: {@link Stages#standard(Dictionaries, Manifest)} after extraction with {@code limits}. */
    public static Pipeline standard(Dictionaries dict, Manifest manifest, ExtractionLimits limits) {
        return new Pipeline(new Extractor(limits, dict.list(Dictionaries.BOILERPLATE_LINES)),
                Stages.standard(dict, manifest));
    }

    /**
     * The standard pipeline with OCR of scans and images.
     *
     * @param ocr       the OCR engine, or null when it is off or not installed
     * @param ocrWanted true when OCR was asked for: without an engine, a scan's failure says how to install it
     */
    public static Pipeline standard(Dictionaries dict, Manifest manifest, ExtractionLimits limits,
                                    org.shuzhi.pipeline.extract.TesseractOcr ocr, boolean ocrWanted) {
        return standard(dict, manifest, limits, ocr, ocrWanted, null);
    }

    /**
     * The standard pipeline with OCR, parsing in child processes.
     *
     * @param ocr       the OCR engine, or null when it is off or not installed
     * @param ocrWanted true when OCR was asked for: without an engine, a scan's failure says how to install it
     * @param processes child processes to parse in (a parse over the time limit is killed), or null to parse on
     *                  threads of this process; closed with the pipeline
     */
    public static Pipeline standard(Dictionaries dict, Manifest manifest, ExtractionLimits limits,
                                    org.shuzhi.pipeline.extract.TesseractOcr ocr, boolean ocrWanted,
                                    org.shuzhi.pipeline.extract.ParseProcesses processes) {
        return new Pipeline(new Extractor(limits, dict.list(Dictionaries.BOILERPLATE_LINES), ocr, ocrWanted,
                processes), Stages.standard(dict, manifest));
    }

    /**
     * Analyses one file. Never throws for a bad file: an unreadable file comes back with a {@link Failure}; an
     * unexpected error inside a stage becomes a CORRUPT failure naming the stage, so the batch goes on. A file over
     * the size limit is refused from its size alone: it is neither hashed nor read ({@code sha256} stays empty). A
     * file that disappeared after the run listed it is an IO_ERROR.
     *
     * @param root the input folder (ids and {@code source} are relative to it)
     * @param file a file below {@code root}
     */
    public ReportDocument analyze(Path root, Path file) {
        return analyze(root, file, null);
    }

    /**
     * {@link #analyze(Path, Path)} with the file's SHA-256 already computed ({@link #hashWithinLimit}), or null.
     */
    public ReportDocument analyze(Path root, Path file, String knownSha256) {
        return analyze(root, file, knownSha256, false).get(0);
    }

    /**
     * {@link #analyze(Path, Path, String)}, splitting a compiled booklet (述职材料汇编, {@link BookletSplitter}) into
     * its reports: each comes back as its own document, with id {@code <file id>--NN} (NN = its 1-based position, two
     * digits), the file's source and hash, and {@link org.shuzhi.pipeline.model.Extraction#part()} linking it to the
     * booklet and its page range. A file that is not a booklet comes back as one document, as from {@code analyze}.
     *
     * @return the file's documents, at least one
     */
    public List<ReportDocument> analyzeAll(Path root, Path file, String knownSha256) {
        return analyze(root, file, knownSha256, true);
    }

    /** @return the id of part {@code index} (1-based) of the booklet with id {@code bookletId} */
    public static String partId(String bookletId, int index) {
        return bookletId + String.format(java.util.Locale.ROOT, "--%02d", index);
    }

    private List<ReportDocument> analyze(Path root, Path file, String knownSha256, boolean split) {
        String rel = root.relativize(file).toString().replace('\\', '/');
        String id = InputFiles.reportId(rel);
        ReportDocument unread = ReportDocument.of(id, rel, "", 0);
        String sha;
        long size;
        try {
            size = Files.size(file);
            Failure refused = extractor.refuseBySize(size);
            if (refused != null && refused.kind() == FailureKind.TOO_LARGE) {
                return List.of(ReportDocument.of(id, rel, "", size).withFailure(refused));
            }
            sha = knownSha256 != null ? knownSha256 : sha256(file);
        } catch (IOException e) {
            return List.of(unread.withFailure(Extractor.readFailure(e)));
        }
        ReportDocument doc = ReportDocument.of(id, rel, sha, size);
        FailureMemory m = memory;
        Failure known = m == null ? null : m.recall(sha);
        if (known != null) {
            return List.of(doc.withWarning("上次运行时该文件已无法分析，文件内容未变化，本次沿用上次的结论，未重新解析")
                    .withFailure(known));
        }
        long t0 = System.nanoTime();
        ExtractionResult r = extractor.extract(file);
        add(EXTRACT, t0);
        if (r instanceof ExtractionResult.Failed f) {
            return List.of(doc.withFailure(f.failure()));
        }
        ExtractionResult.Text t = (ExtractionResult.Text) r;
        List<BookletSplitter.Part> parts = split ? BookletSplitter.split(t.text(), t.pageStarts()) : List.of();
        if (parts.isEmpty()) {
            return List.of(runStages(doc.withExtraction(t.info(), t.text())));
        }
        List<ReportDocument> out = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            BookletSplitter.Part p = parts.get(k);
            String partText = t.text().substring(p.start(), p.end());
            org.shuzhi.pipeline.model.Extraction.BookletPart link = new org.shuzhi.pipeline.model.Extraction.BookletPart(
                    id, k + 1, parts.size(), p.firstPage(), p.lastPage(), p.title());
            List<String> notes = new ArrayList<>(t.info().notes());
            notes.add(0, "本报告取自述职材料汇编 " + rel + "：第 " + (k + 1) + " 篇（共 " + parts.size() + " 篇）"
                    + (p.firstPage() > 0 ? "，第 " + p.firstPage() + "–" + p.lastPage() + " 页" : ""));
            if (k == 0 && p.start() > 0) {
                notes.add("汇编开头的封面、目录等 " + Extractor.meaningfulCharsOf(t.text().substring(0, p.start()))
                        + " 字不属于任何一篇报告，未分析");
            }
            ReportDocument d = ReportDocument.of(partId(id, k + 1), rel, sha, size)
                    .withExtraction(t.info().asPart(link, partText.length(), notes), partText);
            out.add(runStages(d));
        }
        return out;
    }

    private ReportDocument runStages(ReportDocument doc) {
        for (Stage s : stages) {
            long t1 = System.nanoTime();
            try {
                doc = s.apply(doc);
            } catch (RuntimeException | StackOverflowError e) {
                return doc.withFailure(Failure.of(FailureKind.CORRUPT, "分析阶段 " + s.name() + " 出错", e.toString()));
            } finally {
                add(s.name(), t1);
            }
        }
        return doc;
    }

    /**
     * Runs the stages on text that is already extracted (training and evaluation data, tests).
     *
     * @param id   the document's id and source
     * @param text the raw text, one paragraph a line
     */
    public ReportDocument analyzeText(String id, String text) {
        ReportDocument doc = ReportDocument.of(id, id, "", text.length())
                .withExtraction(new org.shuzhi.pipeline.model.Extraction("text/plain", "UTF-16", 0, text.length(),
                        List.of()), text);
        for (Stage s : stages) {
            doc = s.apply(doc);
        }
        return doc;
    }

    private void add(String stage, long t0) {
        nanos.computeIfAbsent(stage, k -> new LongAdder()).add(System.nanoTime() - t0);
    }

    /** @return nanoseconds spent per step so far (extraction first, then stages in order), summed over threads */
    public Map<String, Long> timings() {
        Map<String, Long> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        names.add(EXTRACT);
        stages.forEach(s -> names.add(s.name()));
        for (String n : names) {
            LongAdder a = nanos.get(n);
            out.put(n, a == null ? 0L : a.sum());
        }
        return out;
    }

    /**
     * @return the file's SHA-256 (lower-case hex), or null when it is over the size limit or cannot be read (then
     *         {@link #analyze} reports why)
     */
    public String hashWithinLimit(Path file) {
        try {
            Failure refused = extractor.refuseBySize(Files.size(file));
            return refused != null && refused.kind() == FailureKind.TOO_LARGE ? null : sha256(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buf = new byte[65536];
            while (in.read(buf) >= 0) {
                // digesting
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        extractor.close();
    }
}
