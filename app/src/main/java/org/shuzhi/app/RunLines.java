package org.shuzhi.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shuzhi.pipeline.run.RunSummary;

/** The Chinese lines that sum up the analyse phase of a run, for the terminal and {@code index.html}. */
final class RunLines {
    private RunLines() {
    }

    /** @return files, failures with their hints, time and throughput, and the time of each analysis stage */
    static List<String> of(RunSummary s) {
        List<String> l = new ArrayList<>();
        l.add(String.format(Locale.ROOT, "分析完成：共 %d 个文件，成功 %d 个，失败 %d 个（另跳过 %d 个非文档文件）",
                s.files() + s.unchanged(), s.ok() + s.unchanged(), s.failures().size(), s.skipped())
                + (s.unchanged() == 0 ? "" : String.format(Locale.ROOT, "；其中 %d 个未变化，沿用上次的分析", s.unchanged())));
        l.add(String.format(Locale.ROOT, "用时 %.1f 秒；吞吐 %.2f 份/秒，%,.0f 字符/秒", s.elapsedMs() / 1000.0,
                s.reportsPerSecond(), s.charsPerSecond()));
        StringBuilder st = new StringBuilder("各阶段用时（各线程合计）：");
        long total = s.stageNanos().values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<String, Long> e : s.stageNanos().entrySet()) {
            st.append(String.format(Locale.ROOT, "%s %.2fs（%.0f%%） ", e.getKey(), e.getValue() / 1e9,
                    total == 0 ? 0.0 : 100.0 * e.getValue() / total));
        }
        l.add(st.toString().strip());
        if (!s.failures().isEmpty()) {
            l.add("无法分析的文件：");
            for (RunSummary.FailedFile f : s.failures()) {
                l.add("  " + f.source() + " — [" + f.failure().kind().id() + "] " + f.failure().message() + "。处理建议："
                        + f.failure().hint());
            }
        }
        return l;
    }
}
