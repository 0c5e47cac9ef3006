package org.shuzhi.app.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies the chart library into {@code <out>/assets/} so the pages work offline: ECharts 5.3.1 (Apache-2.0) from the
 * WebJar {@code org.webjars.npm:echarts} on the classpath. The pages load it as {@code ../assets/echarts.min.js}
 * (report pages) or {@code assets/echarts.min.js} (the summary).
 */
public final class Assets {
    /** The file name under {@code assets/}. */
    public static final String ECHARTS = "echarts.min.js";
    private static final String RESOURCE = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private Assets() {
    }

    /**
     * @throws UncheckedIOException if the library is not on the classpath or cannot be written
     */
    public static void copy(Path out) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("chart library missing from the classpath: " + RESOURCE);
            }
            Path dir = Files.createDirectories(out.resolve("assets"));
            Files.copy(in, dir.resolve(ECHARTS), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入图表脚本到 " + out.resolve("assets") + "：" + e.getMessage(), e);
        }
    }
}
