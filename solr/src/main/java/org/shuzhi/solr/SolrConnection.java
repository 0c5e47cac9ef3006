package org.shuzhi.solr;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.shuzhi.index.IndexException;

/**
 * HTTP connections to the nodes of a SolrCloud cluster, with fail-over: a request goes to the next node in turn,
 * and to the one after when a node cannot be reached or answers that it is unavailable. Any node can serve any
 * request (SolrCloud routes updates to the shard leaders and fans searches out to one replica of every shard), so
 * no ZooKeeper client is needed. Thread-safe.
 *
 * <p>The address is {@code http://host:8983/solr} or several separated by commas
 * ({@code http://h1:8983/solr,http://h2:8983/solr}); a path that ends in a collection name
 * ({@code http://host:8983/solr/reports}) also names the collection.
 */
public final class SolrConnection implements Closeable {
    /** The collection name when the address names none. */
    public static final String DEFAULT_COLLECTION = "shuzhi";

    private final List<String> urls;
    private final List<SolrClient> clients;
    private final String collection;
    private final AtomicInteger next = new AtomicInteger();

    private SolrConnection(List<String> urls, String collection) {
        this.urls = urls;
        this.collection = collection;
        List<SolrClient> cs = new ArrayList<>();
        for (String u : urls) {
            cs.add(new HttpJdkSolrClient.Builder(u).useHttp1_1(true)
                    .withConnectionTimeout(5, TimeUnit.SECONDS).withIdleTimeout(120, TimeUnit.SECONDS).build());
        }
        this.clients = List.copyOf(cs);
    }

    /**
     * @param address    one or more node addresses, comma-separated (see the class comment)
     * @param collection the collection, or null for the one the address names or {@link #DEFAULT_COLLECTION}
     * @throws IllegalArgumentException when an address is not an http(s) URL
     */
    public static SolrConnection open(String address, String collection) {
        List<String> urls = new ArrayList<>();
        String named = null;
        for (String part : address.split(",")) {
            String u = part.strip().replaceAll("/+$", "");
            if (u.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create(u);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Solr 地址无效：" + u, e);
            }
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("Solr 地址须为 http://主机:端口/solr，而不是：" + u);
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            int solr = path.indexOf("/solr");
            if (solr >= 0 && path.length() > solr + 5) {
                named = path.substring(solr + 6);
                u = u.substring(0, u.length() - named.length() - 1);
            }
            urls.add(u);
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("没有给出 Solr 地址");
        }
        String c = collection != null ? collection : named != null ? named : DEFAULT_COLLECTION;
        return new SolrConnection(List.copyOf(urls), c);
    }

    /** @return the collection */
    public String collection() {
        return collection;
    }

    /** @return the node addresses */
    public List<String> urls() {
        return urls;
    }

    /**
     * Sends a request to the collection (or, when {@code toCollection} is false, to the node's admin API), failing
     * over to the other nodes.
     *
     * @throws IndexException {@link IndexException.Kind#IO} when no node answers, {@link
     *                        IndexException.Kind#MALFORMED_QUERY} when Solr rejects the request as bad
     */
    public NamedList<Object> request(SolrRequest<?> req, boolean toCollection) {
        Exception last = null;
        int start = Math.floorMod(next.getAndIncrement(), clients.size());
        for (int i = 0; i < clients.size(); i++) {
            SolrClient c = clients.get((start + i) % clients.size());
            try {
                return c.request(req, toCollection ? collection : null);
            } catch (SolrServerException | IOException e) {
                last = e; // node unreachable: try the next one
            } catch (SolrException e) {
                if (e.code() == 400) {
                    throw new IndexException(IndexException.Kind.MALFORMED_QUERY, "Solr 拒绝了该请求：" + e.getMessage(),
                            e);
                }
                if (e.code() == 404 && toCollection) {
                    throw new IndexException(IndexException.Kind.MISSING, "Solr 中没有集合 " + collection
                            + "。请先运行 ./shuzhi solr-index --solr <地址> 建立集合并写入报告", e);
                }
                last = e; // 5xx: the node is starting, stopping or lost a shard; another may answer
            }
        }
        throw new IndexException(IndexException.Kind.IO, "无法连接 Solr（" + String.join(",", urls) + "）："
                + (last == null ? "" : last.getMessage()) + "。请检查地址与集群状态", last);
    }

    @Override
    public void close() throws IOException {
        for (SolrClient c : clients) {
            c.close();
        }
    }
}
