package org.shuzhi.pipeline.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files of the template library (online 范文 collections such as the 003 seed): the folder given with
 * {@code --templates}, and every folder below the input that holds a {@value #MARKER} file. The marker may list glob
 * patterns (one a line, {@code #} comments, relative to its folder, e.g. {@code s3-*.txt}); without patterns every
 * document file of the folder (recursively) is a template. Template folders are never analysed as reports
 * ({@code InputFiles} skips them). Template files are read with the same extractor as reports (docx, doc, pdf, txt,
 * html …).
 */
public final class TemplateLibrary {
    /** The marker file of a template folder inside the input. */
    public static final String MARKER = ".shuzhi-templates";
    /** Extensions (lower case) of template files. */
    public static final Set<String> EXTENSIONS = Set.of("docx", "doc", "docm", "wps", "rtf", "odt", "pdf", "txt",
            "text", "html", "htm", "xhtml", "mht");

    private TemplateLibrary() {
    }

    /**
     * A template file.
     *
     * @param root the folder its id is relative to (pass it to {@code Pipeline.analyze(root, file)})
     * @param file the file
     */
    public record TemplateFile(Path root, Path file) {
    }

    /**
     * @param input     the input folder (searched for {@value #MARKER} folders), or null
     * @param templates the folder given by the user, or null
     * @return the template files, in path order; ids (paths relative to {@code root}) never collide with report
     *         ids of the input for in-input folders; for {@code templates} they start with its folder name
     * @throws IOException if a folder cannot be read
     * @throws java.nio.file.NoSuchFileException if {@code templates} does not exist
     */
    public static List<TemplateFile> find(Path input, Path templates) throws IOException {
        List<TemplateFile> out = new ArrayList<>();
        if (templates != null) {
            if (!Files.isDirectory(templates)) {
                throw new java.nio.file.NoSuchFileException(templates.toString(), null, "模板文件夹不存在");
            }
            Path abs = templates.toAbsolutePath().normalize();
            Path root = abs.getParent() == null ? abs : abs.getParent();
            collect(abs, root, out);
        }
        if (input != null && Files.isDirectory(input)) {
            List<Path> folders = new ArrayList<>();
            Files.walkFileTree(input, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(input) && dir.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (Files.isRegularFile(dir.resolve(MARKER))) {
                        folders.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            for (Path f : folders) {
                collect(f, input, out);
            }
        }
        out.sort((a, b) -> a.file().toString().compareTo(b.file().toString()));
        return out;
    }

    private static void collect(Path folder, Path root, List<TemplateFile> out) throws IOException {
        List<PathMatcher> patterns = new ArrayList<>();
        Path marker = folder.resolve(MARKER);
        if (Files.isRegularFile(marker)) {
            for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                String p = line.strip();
                if (!p.isEmpty() && !p.startsWith("#")) {
                    patterns.add(FileSystems.getDefault().getPathMatcher("glob:" + p));
                }
            }
        }
        try (var files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
                Path rel = folder.relativize(f);
                if (!name.startsWith(".") && EXTENSIONS.contains(ext)
                        && (patterns.isEmpty() || patterns.stream().anyMatch(m -> m.matches(rel)))) {
                    out.add(new TemplateFile(root, f));
                }
            }
        }
    }
}
