package org.shuzhi.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.run.Pipeline;

/** The repository's data for tests: dictionaries/ and corpus-samples/, found via the {@code shuzhi.root} property. */
public final class Repo {
    private static Dictionaries dict;

    private Repo() {
    }

    /** @return the repository root */
    public static Path root() {
        String p = System.getProperty("shuzhi.root");
        Path r = p == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(p);
        if (!Files.isDirectory(r.resolve("dictionaries"))) {
            r = Path.of("").toAbsolutePath().getParent();
        }
        return r;
    }

    /** @return corpus-samples/ */
    public static Path samples() {
        return root().resolve("corpus-samples");
    }

    /** @return the repository's dictionaries, loaded once */
    public static synchronized Dictionaries dictionaries() {
        if (dict == null) {
            dict = Dictionaries.load(root().resolve("dictionaries"));
        }
        return dict;
    }

    /** @return a standard pipeline with the samples' manifest; close it */
    public static Pipeline pipeline() throws Exception {
        return Pipeline.standard(dictionaries(), Manifest.load(samples()), ExtractionLimits.DEFAULT);
    }
}
