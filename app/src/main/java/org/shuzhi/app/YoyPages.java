package org.shuzhi.app;

import java.nio.file.Path;

final class YoyPages {
    private YoyPages() {
    }

    static void write(Path out, CorpusPhase.Result r) {
    }
}
