package org.shuzhi.pipeline.harness;

import org.shuzhi.pipeline.classify.*;
import org.shuzhi.pipeline.compare.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.DocType;

/**
 * The real labelled paragraphs ({@code paragraphs.jsonl} of {@code ../shared/real/}, labelled by the rules of its
 * {@code LABELS.md}): one JSON object a line with {@code id, doc_id, source_url, genre, doc_type, shuzhi, para_index,
 * text, label, uncertain}. Paragraphs are grouped into pages ({@link Page}, one {@code doc_id}) in
 * {@code para_index} order, and pages by site (the host of the page's address without a leading {@code www.} or
 * {@code m.}), so that an evaluation can keep every site wholly in training or wholly in test. Immutable.
 *
 * <p>The texts are third-party public web text kept outside the repository: read them at run time, never write them
 * into the repository.
 */
public final class RealCorpus {
    /** File name of the paragraphs inside the real-text folder. */
    public static final String FILE = "paragraphs.jsonl";
    /** Environment variable (or system property {@code shuzhi.real}) naming the real-text folder. */
    public static final String ENV = "SHUZHI_REAL";

    /**
     * One labelled paragraph.
     *
     * @param id        stable paragraph id (R0001…)
     * @param docId     page id (RD001…)
     * @param paraIndex position among the page's fragments (gaps are expected: dropped fragments keep their index)
     * @param text      the paragraph as found (traditional characters, pinyin noise and typos kept)
     * @param label     one of achievement, problem, cause, plan, other (the five categories of LABELS.md)
     * @param uncertain true when the paragraph mixes categories and the label is the dominant one
     */
    public record Paragraph(String id, String docId, int paraIndex, String text, Category label, boolean uncertain) {
    }

    /**
     * One page: one document of one genre.
     *
     * @param site    the host of {@code url}, without {@code www.} / {@code m.}
     * @param genre   {@link DocType#REPORT}, {@link DocType#SPEECH} or {@link DocType#NOTICE}
     * @param docType the collector's description of the page (e.g. 社区党委书记抓基层党建工作述职报告)
     * @param shuzhi  true for a secretary's own 述职 report
     */
    public record Page(String docId, String url, String site, DocType genre, String docType, boolean shuzhi,
                       List<Paragraph> paragraphs) {
        /** @return the paragraphs' texts joined by {@code \n}, one paragraph a line (how a page is fed to shuzhi) */
        public String text() {
            return String.join("\n", paragraphs.stream().map(Paragraph::text).toList());
        }
    }

    private final List<Page> pages;
    private final String sha256;

    private RealCorpus(List<Page> pages, String sha256) {
        this.pages = pages;
        this.sha256 = sha256;
    }

    /** @return the pages in {@code doc_id} order */
    public List<Page> pages() {
        return pages;
    }

    /** @return every paragraph, page by page */
    public List<Paragraph> paragraphs() {
        return pages.stream().flatMap(p -> p.paragraphs().stream()).toList();
    }

    /** @return the SHA-256 (hex) of the file's bytes */
    public String sha256() {
        return sha256;
    }

    /**
     * The real-text folder: {@code $SHUZHI_REAL} (or {@code -Dshuzhi.real}), else {@code <repoRoot>/../shared/real}.
     *
     * @return the folder when it holds {@value #FILE}, else empty
     */
    public static Optional<Path> locate(Path repoRoot) {
        String configured = System.getProperty("shuzhi.real", System.getenv(ENV));
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured)
                : repoRoot.toAbsolutePath().normalize().resolveSibling("shared").resolve("real");
        return Files.isRegularFile(dir.resolve(FILE)) ? Optional.of(dir) : Optional.empty();
    }

    /**
     * @param dir the real-text folder (holding {@value #FILE})
     * @throws IOException if the file cannot be read or a line is not a labelled paragraph (the message names the
     *                     line)
     */
    public static RealCorpus load(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        byte[] bytes = Files.readAllBytes(file);
        ObjectMapper json = new ObjectMapper();
        Map<String, List<Paragraph>> byPage = new LinkedHashMap<>();
        Map<String, JsonNode> pageMeta = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = json.readTree(line);
                String docId = n.get("doc_id").asText();
                byPage.computeIfAbsent(docId, k -> new ArrayList<>()).add(new Paragraph(n.get("id").asText(), docId,
                        n.get("para_index").asInt(), n.get("text").asText(), Category.fromId(n.get("label").asText()),
                        n.path("uncertain").asBoolean(false)));
                pageMeta.putIfAbsent(docId, n);
            } catch (RuntimeException | IOException e) {
                throw new IOException(file + ":" + lineNo + ": not a labelled paragraph (" + e.getMessage() + ")", e);
            }
        }
        List<Page> pages = new ArrayList<>();
        for (Map.Entry<String, List<Paragraph>> e : byPage.entrySet()) {
            JsonNode n = pageMeta.get(e.getKey());
            List<Paragraph> ps = new ArrayList<>(e.getValue());
            ps.sort(Comparator.comparingInt(Paragraph::paraIndex));
            String url = n.get("source_url").asText();
            pages.add(new Page(e.getKey(), url, site(url), DocType.valueOf(n.get("genre").asText()
                    .toUpperCase(Locale.ROOT)), n.path("doc_type").asText(""), n.path("shuzhi").asBoolean(false),
                    List.copyOf(ps)));
        }
        pages.sort(Comparator.comparing(Page::docId));
        try {
            return new RealCorpus(List.copyOf(pages),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the host of {@code url} without a leading {@code www.} or {@code m.}, or the url itself if it has none */
    static String site(String url) {
        try {
            String host = new URI(url).getHost();
            if (host == null) {
                return url;
            }
            return host.toLowerCase(Locale.ROOT).replaceFirst("^(www|m|wap)\\.", "");
        } catch (URISyntaxException e) {
            return url;
        }
    }
}
