/**
 * The organization department's quality analysis of one report against its notice profile (issue 7): findings with
 * evidence for every machine-checkable rule (DOMAIN.md §2 R1–R16), a 0–100 score per {@link
 * org.shuzhi.pipeline.model.Dimension}, a text-quality level with reasons (never the official 好/较好/一般/差 grade),
 * and the draft 点评. Entry point: {@link org.shuzhi.pipeline.assess.Assessor}.
 *
 * <p>Works on an analysed {@link org.shuzhi.pipeline.model.ReportDocument} (categories, sentences, tokens,
 * features); never re-reads a file or re-segments text. Term lists come from {@code dictionaries/terms/}, profiles
 * from {@link org.shuzhi.pipeline.profile}. May import {@code model}, {@code dict}, {@code profile}.
 */
package org.shuzhi.pipeline.assess;
