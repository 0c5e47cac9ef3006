package org.shuzhi.pipeline.extract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.model.Extraction;
import org.shuzhi.pipeline.model.Failure;
import org.shuzhi.pipeline.model.FailureKind;

/**
 * Parsing in child processes, so that a parse that overruns its time limit is <em>stopped</em>: Tika, POI and PDFBox
 * do not check thread interrupts, so a parse on a thread runs on after its timeout; a child JVM is killed
 * ({@link Process#destroyForcibly()}) and replaced. The same idea as Tika's pipes/fork isolation, for our own
 * extractor (PDF, OFD and Tika formats alike).
 *
 * <p>Each child ({@link #main}) is a JVM on the parent's class path with its own {@link Extractor} (same limits, no
 * OCR — OCR already runs in killable {@code tesseract} processes); it reads one absolute file path per line on standard
 * input and answers one JSON line on standard output. A child serves many files; the pool keeps at most one idle
 * child per parsing thread. A child that dies (out of memory, a crash in a parser) makes its file CORRUPT with the
 * exit code in the cause; a child that overruns the time limit makes its file TIMEOUT and is killed.
 *
 * <p>Cost (measured on corpus-samples, 56 files, 2 cores; README "Robustness"): a child's start (JVM and Tika) is paid
 * once per parsing thread; each file adds one path and one JSON reply through a pipe. Thread-safe.
 */
public final class ParseProcesses implements AutoCloseable {
    /** Marks the answer line among whatever else a parser prints. */
    private static final String REPLY = "@@shuzhi-parse ";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final List<String> command;
    private final Deque<Child> idle = new ArrayDeque<>();
    private final List<Child> all = new ArrayList<>();
    private boolean closed;

    /**
     * What a child sends back: the text (with its facts and page starts) or the failure.
     */
    record Reply(Extraction info, String text, List<Integer> pageStarts, Failure failure) {
        static Reply of(ExtractionResult r) {
            return r instanceof ExtractionResult.Text t ? new Reply(t.info(), t.text(), t.pageStarts(), null)
                    : new Reply(null, null, null, ((ExtractionResult.Failed) r).failure());
        }

        ExtractionResult result() {
            return failure != null ? new ExtractionResult.Failed(failure)
                    : new ExtractionResult.Text(info, text, pageStarts);
        }
    }

    /**
     * @param limits       the limits the children parse with
     * @param dictionaries the dictionaries folder (its {@code boilerplate-lines} list drops page furniture)
     * @param heapMb       each child's maximum heap, MiB (≥ 64)
     * @throws IllegalArgumentException if {@code heapMb < 64}
     */
    public ParseProcesses(ExtractionLimits limits, Path dictionaries, int heapMb) {
        if (heapMb < 64) {
            throw new IllegalArgumentException("heapMb must be at least 64: " + heapMb);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        command = List.of(java.toString(), "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), ParseProcesses.class.getName(),
                dictionaries.toAbsolutePath().toString(), String.valueOf(limits.maxBytes()),
                String.valueOf(limits.maxChars()), String.valueOf(limits.minTextChars()),
                String.valueOf(limits.maxInflatedBytes()));
    }

    /**
     * Parses one file in a child process.
     *
     * @param file           the file (absolute or relative to the working folder)
     * @param timeoutSeconds the time limit for the parse, seconds (the child's start is not counted)
     * @return its text, or why it cannot be read: TIMEOUT when the child overran (it was killed), CORRUPT when it died
     * @throws IllegalStateException if the pool is closed or a child cannot be started at all (no java executable)
     */
    public ExtractionResult parse(Path file, int timeoutSeconds) {
        Child c = take();
        CompletableFuture<String> answer;
        try {
            answer = c.ask(file.toAbsolutePath().toString());
        } catch (IOException e) {
            c.kill();
            return dead(c);
        }
        try {
            String line = answer.get(timeoutSeconds, TimeUnit.SECONDS);
            if (line == null) {
                c.kill();
                return dead(c);
            }
            ExtractionResult r = JSON.readValue(line, Reply.class).result();
            give(c);
            return r;
        } catch (TimeoutException e) {
            c.kill();
            return new ExtractionResult.Failed(Failure.of(FailureKind.TIMEOUT, "超过 " + timeoutSeconds
                    + " 秒（解析进程已终止）", "timeout, parse process killed"));
        } catch (InterruptedException e) {
            c.kill();
            Thread.currentThread().interrupt();
            return new ExtractionResult.Failed(Failure.of(FailureKind.TIMEOUT, "已中断", "interrupted"));
        } catch (ExecutionException | IOException e) {
            c.kill();
            return dead(c);
        }
    }

    private ExtractionResult dead(Child c) {
        String code = c.process.isAlive() ? "?" : String.valueOf(c.process.exitValue());
        return new ExtractionResult.Failed(Failure.of(FailureKind.CORRUPT, "解析该文件时解析进程异常退出（退出码 " + code
                + "），文件结构可能异常", "parse process died, exit " + code));
    }

    private synchronized Child take() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        Child c = idle.pollFirst();
        while (c != null && !c.process.isAlive()) {
            c = idle.pollFirst();
        }
        if (c != null) {
            return c;
        }
        try {
            c = new Child(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
        } catch (IOException e) {
            throw new IllegalStateException("无法启动解析进程：" + e.getMessage(), e);
        }
        all.add(c);
        return c;
    }

    private synchronized void give(Child c) {
        if (closed) {
            c.kill();
        } else {
            idle.addFirst(c);
        }
    }

    /** Ends every child (they exit at the end of their input; a busy one is killed). */
    @Override
    public synchronized void close() {
        closed = true;
        for (Child c : all) {
            c.end();
        }
        idle.clear();
        all.clear();
    }

    /** One child process and its pipes. */
    private static final class Child {
        final Process process;
        final BufferedWriter in;
        final BufferedReader out;

        Child(Process p) {
            process = p;
            in = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8));
            out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Sends a path; the future completes with the reply's JSON, or null when the child's output ended. */
        CompletableFuture<String> ask(String path) throws IOException {
            in.write(path);
            in.newLine();
            in.flush();
            return CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith(REPLY)) {
                            return line.substring(REPLY.length());
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            }, r -> {
                Thread t = new Thread(r, "shuzhi-parse-reply");
                t.setDaemon(true);
                t.start();
            });
        }

        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        void end() {
            try {
                in.close();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (IOException e) {
                kill();
            } catch (InterruptedException e) {
                kill();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The child: {@code <dictionaries> <maxBytes> <maxChars> <minTextChars> <maxInflatedBytes>}; reads paths, parses
     * each in this process (no time limit of its own: the parent kills it) and writes one reply line per path.
     */
    public static void main(String[] args) throws IOException {
        PrintStream reply = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err); // whatever a parser prints must not mix with the replies
        ExtractionLimits d = ExtractionLimits.DEFAULT;
        ExtractionLimits limits = new ExtractionLimits(Long.parseLong(args[1]), Integer.parseInt(args[2]),
                d.timeoutSeconds(), Integer.parseInt(args[3]), Long.parseLong(args[4]), d.ocrDpi(), d.maxOcrPages(),
                d.ocrPageTimeoutSeconds());
        try (Extractor extractor = new Extractor(limits,
                Dictionaries.load(Path.of(args[0])).list(Dictionaries.BOILERPLATE_LINES));
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String path = in.readLine(); path != null; path = in.readLine()) {
                Path file = Path.of(path);
                ExtractionResult r;
                try {
                    r = extractor.parseHere(Files.readAllBytes(file), file.getFileName().toString());
                } catch (IOException e) {
                    r = new ExtractionResult.Failed(Extractor.readFailure(e));
                }
                reply.println(REPLY + JSON.writeValueAsString(Reply.of(r)));
            }
        }
    }
}
