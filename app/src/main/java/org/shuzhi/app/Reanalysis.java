package org.shuzhi.app;

import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.shuzhi.app.web.WebServer;
import org.shuzhi.index.IndexException;
import org.shuzhi.pipeline.run.Run;
import org.shuzhi.pipeline.run.RunFailure;

/**
 * The re-run behind the 重新分析输入文件夹 button of {@code serve --input}: the engine ({@link Analysis}) on the input
 * folder into the served output folder, one run at a time on a background thread, while the server keeps answering
 * (outputs are renamed into place, the index is committed as the run goes and the searcher refreshes). A re-run
 * redoes only what changed in the input folder (see README, “Scale: re-runs”).
 */
final class Reanalysis implements WebServer.Rerun, AutoCloseable {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Run.Options options;
    private final Analysis.Outputs outputs;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "shuzhi-rerun");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile String state = "";

    Reanalysis(Run.Options options, Analysis.Outputs outputs) {
        this.options = options;
        this.outputs = outputs;
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        String begun = LocalTime.now().format(CLOCK);
        state = "正在重新分析（" + begun + " 开始）……";
        worker.submit(() -> {
            try {
                Run.Result r = Analysis.run(options, outputs, new Progress(begun), System.nanoTime()).result();
                state = "上次重新分析于 " + LocalTime.now().format(CLOCK) + " 完成：" + r.published() + " 份重新输出，"
                        + r.unchanged() + " 份未变化" + (r.analysis().failures().isEmpty() ? ""
                        : "，" + r.analysis().failures().size() + " 个文件无法分析（见 summary.csv）") + "。";
            } catch (RunFailure | IndexException | UncheckedIOException e) {
                state = "上次重新分析失败：" + e.getMessage();
            } catch (InterruptedException e) {
                state = "重新分析已中断。";
                Thread.currentThread().interrupt();
            } finally {
                running.set(false);
            }
        });
    }

    @Override
    public String state() {
        return state;
    }

    @Override
    public boolean running() {
        return running.get();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** Shows the current phase and its count in the state line. */
    private final class Progress implements Run.Progress {
        private final String begun;
        private String phase = "";
        private int steps;
        private int done;

        Progress(String begun) {
            this.begun = begun;
        }

        @Override
        public synchronized void start(String phase, int steps) {
            this.phase = phase;
            this.steps = steps;
            this.done = 0;
            show();
        }

        @Override
        public synchronized void step(String note) {
            done++;
            show();
        }

        private void show() {
            state = "正在重新分析（" + begun + " 开始）：" + phase + " " + done + " / " + steps + "……";
        }
    }
}
