/**
 * Document type and paragraph categories (rules, cues and a Viterbi pass over the paragraph sequence), with evidence. May import model, dict.
 */
package org.shuzhi.pipeline.classify;
