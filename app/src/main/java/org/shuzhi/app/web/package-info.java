/**
 * The local web UI ({@code shuzhi serve}): search with facets and highlighting, similar paragraphs, the report list,
 * and the files of the output folder. Javalin (Jetty) for HTTP, Pebble for pages (autoescaping everything echoed),
 * {@code org.shuzhi.index} for search. Binds 127.0.0.1 unless told otherwise, and then only with an access token.
 */
package org.shuzhi.app.web;
