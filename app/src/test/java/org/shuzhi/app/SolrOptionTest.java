package org.shuzhi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The {@code --solr} option of {@code search} and the {@code solr-index} command, without a cluster: messages and
 * exit codes when the address is wrong or Solr cannot be reached (module {@code solr} tests them against a real
 * SolrCloud).
 */
class SolrOptionTest {
    static final String DICT = Path.of(System.getProperty("shuzhi.root", "..")).resolve("dictionaries").toString();

    @Test
    void unreachableSolrIsAFatalErrorThatNamesTheAddress() {
        CliRun r = CliRun.of("search", "软弱涣散", "--solr", "http://127.0.0.1:1/solr", "--dictionaries", DICT);
        assertEquals(ShuzhiCommand.EXIT_FATAL, r.code(), r.err());
        assertTrue(r.err().contains("无法连接 Solr（http://127.0.0.1:1/solr）"), r.err());
    }

    @Test
    void anAddressThatIsNoUrlIsAUsageError() {
        CliRun r = CliRun.of("search", "软弱涣散", "--solr", "solr1:8983", "--dictionaries", DICT);
        assertEquals(ShuzhiCommand.EXIT_USAGE, r.code(), r.err());
        assertTrue(r.err().contains("Solr 地址须为 http://主机:端口/solr"), r.err());
    }

    @Test
    void solrIndexNeedsAnAddress() {
        CliRun r = CliRun.of("solr-index", "--dictionaries", DICT);
        assertEquals(ShuzhiCommand.EXIT_USAGE, r.code(), r.err());
        assertTrue(r.err().contains("须用 --solr 给出 SolrCloud 节点地址"), r.err());
        CliRun down = CliRun.of("solr-index", "--solr", "http://127.0.0.1:1/solr/reports", "--dictionaries", DICT);
        assertEquals(ShuzhiCommand.EXIT_FATAL, down.code(), down.err());
        assertTrue(down.err().contains("无法连接 Solr"), down.err());
    }
}
