package org.shuzhi.pipeline.run;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files of an input folder that a run analyses: every regular file below it whose extension is a document,
 * image or archive format ({@link #CONSIDERED}; images and archives are reported as failures with advice), in path
 * order. Hidden files and folders, and folders that contain a {@value #IGNORE_MARKER} or {@value #TEMPLATES_MARKER}
 * file, are skipped; so are all other files (manifests, scripts, notes), which are counted as skipped.
 */
public final class InputFiles {
    /** A folder containing a file of this name is not analysed (e.g. the text sources of rendered samples). */
    public static final String IGNORE_MARKER = ".shuzhi-ignore";
    /** A folder containing a file of this name is a template library, not reports (see compare.TemplateLibrary). */
    public static final String TEMPLATES_MARKER = org.shuzhi.pipeline.compare.TemplateLibrary.MARKER;
    /** Extensions (lower case) of files a run looks at. */
    public static final Set<String> CONSIDERED = Set.of("docx", "doc", "docm", "dotx", "wps", "rtf", "odt", "pdf",
            "txt", "text", "html", "htm", "xhtml", "mht", "jpg", "jpeg", "png", "tif", "tiff", "bmp", "gif", "zip",
            "rar", "7z", "ofd", "et", "xls", "xlsx", "ppt", "pptx");

    private InputFiles() {
    }

    /**
     * @param files   files to analyse, relative to the root, {@code /}-separated, sorted
     * @param skipped number of other files that were passed over
     */
    public record Listing(List<String> files, int skipped) {
    }

    /** @throws IOException if the folder cannot be walked */
    public static Listing list(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        int[] skipped = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && (dir.getFileName().toString().startsWith(".")
                        || Files.exists(dir.resolve(IGNORE_MARKER)) || Files.exists(dir.resolve(TEMPLATES_MARKER)))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (attrs.isRegularFile() && !name.startsWith(".") && !name.startsWith("~$")
                        && CONSIDERED.contains(ext)) {
                    files.add(root.relativize(file).toString().replace('\\', '/'));
                } else {
                    skipped[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                skipped[0]++;
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return new Listing(files, skipped[0]);
    }

    /**
     * @return a stable id for a relative path, usable as a file name: {@code /} becomes {@code __}, characters other
     *         than letters, digits, {@code .}, {@code _} and {@code -} become {@code _}
     */
    public static String reportId(String relativePath) {
        return relativePath.replace("/", "__").replaceAll("[^\\p{L}\\p{N}._-]", "_");
    }
}
