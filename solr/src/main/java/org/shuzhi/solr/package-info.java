/**
 * The search index on SolrCloud: the configset ({@code org/shuzhi/solr/configset}), collection creation with shards
 * and replicas ({@link org.shuzhi.solr.SolrCollections}), bulk indexing of pre-analysed reports
 * ({@link org.shuzhi.solr.SolrReportIndexer}) and {@link org.shuzhi.solr.SolrReportSearcher}, a
 * {@link org.shuzhi.index.ReportSearch} over a collection. The Solr nodes run stock Solr 9.x without a plugin: the
 * Chinese analysis, the query parsing, more-like-this term selection and the snippets are done by the module
 * {@code index} on the client, so both engines give the same answers. Talks HTTP only, with the JDK's client, so no
 * Jetty or ZooKeeper client reaches the application. May import {@code org.shuzhi.index}, {@code org.shuzhi.pipeline}
 * and SolrJ.
 */
package org.shuzhi.solr;
