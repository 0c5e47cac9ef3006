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
        String rel = root.relativize(file).toString().replace('\\', '/');
        ReportDocument unread = ReportDocument.of(InputFiles.reportId(rel), rel, "", 0);
        String sha;
        long size;
        try {
            size = Files.size(file);
            Failure refused = extractor.refuseBySize(size);
            if (refused != null && refused.kind() == FailureKind.TOO_LARGE) {
                return ReportDocument.of(InputFiles.reportId(rel), rel, "", size).withFailure(refused);
            }
            sha = knownSha256 != null ? knownSha256 : sha256(file);
        } catch (IOException e) {
            return unread.withFailure(Extractor.readFailure(e));
        }
        ReportDocument doc = ReportDocument.of(InputFiles.reportId(rel), rel, sha, size);
        long t0 = System.nanoTime();
        ExtractionResult r = extractor.extract(file);
        add(EXTRACT, t0);
        if (r instanceof ExtractionResult.Failed f) {
            return doc.withFailure(f.failure());
        }
        ExtractionResult.Text t = (ExtractionResult.Text) r;
        doc = doc.withExtraction(t.info(), t.text());
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
