/**
 * Term lists from dictionaries/ (UTF-8 text, TAB columns, ! exceptions, re: patterns), full-width folding and matching. May import model.
 */
package org.shuzhi.pipeline.dict;
