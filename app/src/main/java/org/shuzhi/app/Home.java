package org.shuzhi.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the {@code dictionaries/} folder: the {@code --dictionaries} option, else {@code $SHUZHI_HOME/dictionaries},
 * else the system property {@code shuzhi.home} (set by the {@code ./shuzhi} launcher), else the nearest folder
 * upwards from the working directory or from the jar that contains {@code dictionaries/terms/}.
 */
public final class Home {
    private Home() {
    }

    /** @return the dictionaries folder, or null when none is found */
    public static Path dictionaries(Path option) {
        if (option != null) {
            return option;
        }
        String env = System.getenv("SHUZHI_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env, "dictionaries");
        }
        String prop = System.getProperty("shuzhi.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop, "dictionaries");
        }
        Path found = upwards(Path.of("").toAbsolutePath());
        if (found == null) {
            try {
                found = upwards(Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | RuntimeException e) {
                return null;
            }
        }
        return found;
    }

    /**
     * @return an identity of the running program build: the jar's (or classes folder's) path, size and modification
     *         time; a rebuilt program gives another value, so that a re-run analyses everything again
     */
    public static String build() {
        try {
            Path code = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getFileName() + ":" + Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
        } catch (URISyntaxException | java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Path upwards(Path from) {
        for (Path p = from; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("dictionaries").resolve("terms"))) {
                return p.resolve("dictionaries");
            }
        }
        return null;
    }
}
