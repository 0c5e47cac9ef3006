package org.shuzhi.pipeline.model;

/**
 * An enumerated item inside a paragraph or heading: inline 一是…二是…, 第一，…, 首先/其次/最后, or a numbered paragraph
 * (1、 （1） ①).
 *
 * @param marker the enumeration marker as written, e.g. 一是, （2）, ①
 * @param ordinal the item's number, 1-based (0 when the marker has none, e.g. 首先 = 1, 最后 = 0)
 * @param span   from the marker to the end of the item (the next marker or the paragraph end)
 */
public record Item(String marker, int ordinal, Span span) {
}
