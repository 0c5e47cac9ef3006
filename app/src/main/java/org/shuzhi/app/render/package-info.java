/**
 * Renderers of a finished document: the JSON contract, the per-report HTML page (Pebble templates, autoescaped), the
 * index page and the summary table rows.
 */
package org.shuzhi.app.render;
