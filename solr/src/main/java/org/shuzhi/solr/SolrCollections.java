package org.shuzhi.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.NamedList;
import org.shuzhi.index.IndexException;

/**
 * Creates the shuzhi collection on a SolrCloud cluster: uploads the configset shipped in this module
 * ({@code org/shuzhi/solr/configset/conf}: {@code solrconfig.xml}, {@code schema.xml}) under {@value #CONFIGSET}
 * and creates the collection with the given numbers of shards and replicas. Documents are routed by
 * {@code report_id}, so a report and all its paragraphs live on one shard and are replaced together.
 */
public final class SolrCollections {
    /** The name of the uploaded configset. */
    public static final String CONFIGSET = "shuzhi";
    /** The configset files, as classpath resources under {@code org/shuzhi/solr/configset/conf/}. */
    public static final List<String> CONFIG_FILES = List.of("solrconfig.xml", "schema.xml");

    private SolrCollections() {
    }

    /** @return the configset as a zip file (what Solr's configset upload takes) */
    public static byte[] configsetZip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String f : CONFIG_FILES) {
                try (InputStream in = SolrCollections.class.getResourceAsStream("configset/conf/" + f)) {
                    if (in == null) {
                        throw new IllegalStateException("configset file missing from the jar: " + f);
                    }
                    zip.putNextEntry(new ZipEntry(f));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return true when the connection's collection exists */
    public static boolean exists(SolrConnection solr) {
        NamedList<Object> r = solr.request(new CollectionAdminRequest.List(), false);
        Object names = r.get("collections");
        return names instanceof List<?> l && l.contains(solr.collection());
    }

    /**
     * Uploads the configset (replacing an earlier upload) and creates the collection when it does not exist yet.
     *
     * @param shards   number of shards, ≥ 1
     * @param replicas replicas of each shard (NRT), ≥ 1
     * @return true when the collection was created, false when it existed already (it is left as it is)
     * @throws IndexException when Solr refuses or cannot be reached
     */
    public static boolean create(SolrConnection solr, int shards, int replicas) {
        if (shards < 1 || replicas < 1) {
            throw new IllegalArgumentException("shards and replicas must be >= 1");
        }
        if (exists(solr)) {
            return false;
        }
        ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload()
                .setConfigSetName(CONFIGSET).setOverwrite(true)
                .setUploadStream(new org.apache.solr.common.util.ContentStreamBase.ByteArrayStream(configsetZip(),
                        "shuzhi-configset.zip", "application/zip"));
        solr.request(upload, false);
        CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(solr.collection(), CONFIGSET,
                shards, replicas).setRouterField(org.shuzhi.index.Schema.REPORT_ID);
        solr.request(create, false);
        return true;
    }
}
