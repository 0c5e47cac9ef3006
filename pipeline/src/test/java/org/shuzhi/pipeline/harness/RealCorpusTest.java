package org.shuzhi.pipeline.harness;

import org.shuzhi.pipeline.classify.*;
import org.shuzhi.pipeline.compare.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;

class RealCorpusTest {
    /** @return the real-text folder, or skips the test with a plain message when it is absent */
    static Path realOrSkip() {
        var dir = RealCorpus.locate(Repo.root());
        Assumptions.assumeTrue(dir.isPresent(), "../shared/real/paragraphs.jsonl not found (set SHUZHI_REAL): "
                + "real-text tests skipped");
        return dir.get();
    }

    @Test
    void pagesAreOrderedAndSitesGroupPages() throws Exception {
        RealCorpus c = RealCorpus.load(realOrSkip());
        assertTrue(c.pages().size() >= 100, "pages: " + c.pages().size());
        Set<String> ids = new HashSet<>();
        for (RealCorpus.Page p : c.pages()) {
            assertTrue(!p.site().isEmpty() && !p.site().startsWith("www.") && !p.site().startsWith("m."), p.site());
            for (int i = 1; i < p.paragraphs().size(); i++) {
                assertTrue(p.paragraphs().get(i - 1).paraIndex() < p.paragraphs().get(i).paraIndex());
            }
            p.paragraphs().forEach(x -> assertTrue(ids.add(x.id()), x.id()));
            assertEquals(p.paragraphs().size(), p.text().split("\n").length);
        }
        assertEquals(c.paragraphs().size(), ids.size());
    }

    @Test
    void siteIsTheHostWithoutMobilePrefix() {
        assertEquals("78911.com.cn", RealCorpus.site("https://m.78911.com.cn/XieZuoMoBan/393315-2.html"));
        assertEquals("gov.cn", RealCorpus.site("http://www.gov.cn/a"));
    }
}
