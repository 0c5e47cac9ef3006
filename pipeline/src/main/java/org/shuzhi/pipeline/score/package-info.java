/**
 * Concreteness and stance features per sentence (numbers, named entities, vague terms, 套话, first person vs deflecting). May import model, dict.
 */
package org.shuzhi.pipeline.score;
