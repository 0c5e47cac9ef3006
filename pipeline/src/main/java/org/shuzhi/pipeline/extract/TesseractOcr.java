package org.shuzhi.pipeline.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;

/**
 * Optical character recognition with the installed Tesseract command ({@code tesseract}, Debian packages
 * {@code tesseract-ocr} and {@code tesseract-ocr-chi-sim}), one process per page image. Chosen over Tika's
 * TesseractOCRParser (which runs the same command, but page by page only inside Tika's PDF parser and without the
 * word confidences) and over tess4j (a JNA binding that needs the same native library and loads it into the JVM,
 * where a crash or a hang cannot be stopped): a process is killed when its page overruns its time, and its TSV
 * output gives every word's confidence and every line's box.
 *
 * <p>Each page is prepared before recognition: the red channel alone is used as the grey image, so that a red seal
 * (公章) stamped over the text turns light and drops out while black text stays black. The page's lines come back
 * with their geometry (pixels), so that paragraphs are re-joined by the same rules as PDF lines.
 *
 * <p>Thread-safe; processes run in parallel with the batch's threads ({@code OMP_THREAD_LIMIT=1} keeps each
 * Tesseract on one core, which measured faster on two cores than letting OpenMP spread each page).
 */
public final class TesseractOcr {
    /** The model used: simplified Chinese (with Tesseract's Latin fallback for digits and letters). */
    public static final String LANGUAGE = "chi_sim";
    private final String command;
    private final String version;

    private TesseractOcr(String command, String version) {
        this.command = command;
        this.version = version;
    }

    /**
     * Looks for Tesseract with the simplified-Chinese model.
     *
     * @param command the executable, normally {@code tesseract} on the {@code PATH}
     * @return the engine, or null when the command is missing or has no {@value #LANGUAGE} model
     */
    public static TesseractOcr find(String command) {
        try {
            String v = run(List.of(command, "--version"), 20);
            String langs = run(List.of(command, "--list-langs"), 20);
            if (!langs.lines().map(String::strip).toList().contains(LANGUAGE)) {
                return null;
            }
            String first = v.lines().findFirst().orElse("tesseract").strip();
            return new TesseractOcr(command, first);
        } catch (IOException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The Chinese hint shown when OCR is wanted but Tesseract is missing. */
    public static final String INSTALL_HINT = "请安装文字识别（OCR）组件 Tesseract 及简体中文模型（Debian/Ubuntu："
            + "sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim）后重新运行，本机目前无法识别扫描件；"
            + "或提交可复制文字的电子版（Word 或带文字层的 PDF）。";

    /** @return the engine's name and version with the model, e.g. {@code tesseract 5.3.0 chi_sim} */
    public String engine() {
        return version + " " + LANGUAGE;
    }

    /**
     * One recognised line of a page.
     *
     * @param text       the line's text (words of CJK script joined without spaces)
     * @param left       x of its box, pixels
     * @param right      x of its box's right edge, pixels
     * @param height     height of its box, pixels (about one character)
     * @param confidence mean word confidence, 0–100, weighted by word length
     */
    public record Line(String text, int left, int right, int height, double confidence) {
    }

    /**
     * Recognises one page image. The process is killed if it overruns {@code timeoutSeconds}.
     *
     * @return the page's lines in reading order
     * @throws TimeoutException     if recognition took longer than {@code timeoutSeconds}
     * @throws IOException          if the image cannot be written or Tesseract fails
     * @throws InterruptedException if the calling thread is interrupted (the process is killed)
     */
    public List<Line> recognise(BufferedImage page, int timeoutSeconds)
            throws IOException, TimeoutException, InterruptedException {
        Path png = Files.createTempFile("shuzhi-ocr-", ".png");
        try {
            ImageIO.write(redDropped(page), "png", png.toFile());
            String tsv = run(List.of(command, png.toString(), "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"),
                    timeoutSeconds);
            return parse(tsv);
        } finally {
            Files.deleteIfExists(png);
        }
    }

    /** The red channel as a grey image: red seals turn light, black and blue-black text stays dark. */
    static BufferedImage redDropped(BufferedImage in) {
        BufferedImage g = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.image.WritableRaster r = g.getRaster();
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                int rgb = in.getRGB(x, y);
                int red = (rgb >> 16) & 0xFF;
                int green = (rgb >> 8) & 0xFF;
                int blue = rgb & 0xFF;
                // a reddish pixel (seal ink, or text showing through it) is taken at its red value: the seal turns
                // light grey, black text under it stays darker; any other pixel at its luminance
                int v = red > green + 40 && red > blue + 40 ? red : (red * 299 + green * 587 + blue * 114) / 1000;
                r.setSample(x, y, 0, v);
            }
        }
        return g;
    }

    /** Parses Tesseract's TSV (level, page, block, par, line, word, left, top, width, height, conf, text). */
    static List<Line> parse(String tsv) {
        Map<String, List<String[]>> byLine = new LinkedHashMap<>();
        for (String row : tsv.split("\n")) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !f[0].equals("5")) {
                continue;
            }
            String text = f[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            byLine.computeIfAbsent(f[2] + "/" + f[3] + "/" + f[4], k -> new ArrayList<>()).add(f);
        }
        List<Line> out = new ArrayList<>();
        for (List<String[]> words : byLine.values()) {
            StringBuilder sb = new StringBuilder();
            int left = Integer.MAX_VALUE;
            int right = 0;
            int height = 0;
            double conf = 0;
            int weight = 0;
            String prev = null;
            for (String[] w : words) {
                String t = w[11].strip();
                if (prev != null && latin(prev.charAt(prev.length() - 1)) && latin(t.charAt(0))) {
                    sb.append(' ');
                }
                sb.append(t);
                int l = Integer.parseInt(w[6]);
                left = Math.min(left, l);
                right = Math.max(right, l + Integer.parseInt(w[8]));
                height = Math.max(height, Integer.parseInt(w[9]));
                double c = Double.parseDouble(w[10]);
                if (c >= 0) {
                    conf += c * t.length();
                    weight += t.length();
                }
                prev = t;
            }
            out.add(new Line(fullWidthPunctuation(sb.toString()), left, right, height, weight == 0 ? 0 : conf / weight));
        }
        return out;
    }

    /**
     * Tesseract's chi_sim model often returns ASCII punctuation ({@code , ; : ( ) " .}) where Chinese text has the
     * full-width marks; next to a CJK character they are turned back into ，；：（）“” and 。 (a full stop only at the
     * end of a line or before CJK text, never inside a number such as 3.5).
     */
    static String fullWidthPunctuation(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean open = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            char after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            boolean cjk = cjk(before) || cjk(after);
            char r = c;
            if (cjk || (c == '"' || c == '(' || c == ')')) {
                switch (c) {
                    case ',' -> r = '，';
                    case ';' -> r = '；';
                    case ':' -> r = '：';
                    case '(' -> r = '（';
                    case ')' -> r = '）';
                    case '!' -> r = '！';
                    case '?' -> r = '？';
                    case '"' -> {
                        r = open ? '“' : '”';
                        open = !open;
                    }
                    case '.' -> r = cjk(before) && (after == ' ' || cjk(after)) ? '。' : '.';
                    default -> r = c;
                }
            }
            out.append(r);
        }
        return out.toString();
    }

    private static boolean cjk(char c) {
        return c >= 0x3400 && c <= 0x9FFF || c >= 0xFF01 && c <= 0xFF5E || "，。；：“”（）、".indexOf(c) >= 0;
    }

    private static boolean latin(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }

    /** Runs a command, returns its standard output; kills it after {@code timeoutSeconds}. */
    private static String run(List<String> cmd, int timeoutSeconds)
            throws IOException, TimeoutException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = pb.start();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(buf);
            } catch (IOException e) {
                // the process was killed
            }
        }, "shuzhi-ocr-out");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new TimeoutException("tesseract took longer than " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
        reader.join(5000);
        if (p.exitValue() != 0) {
            throw new IOException(cmd.get(0) + " exited with " + p.exitValue());
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
