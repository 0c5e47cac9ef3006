/**
 * Notice profiles: the writing rules of one 述职 notice (length cap, shares or budgets of the parts, required parts,
 * 必答题, thresholds of the quality checks, grade quota), read from {@code dictionaries/profiles/<id>.yaml} into typed
 * records and schema-checked on load (unknown or missing keys are errors naming file, key and line). Also chooses the
 * profile of each report (run option, manifest column, default).
 *
 * <p>May import {@code org.shuzhi.pipeline.model} and Jackson; nothing else of the pipeline.
 */
package org.shuzhi.pipeline.profile;
