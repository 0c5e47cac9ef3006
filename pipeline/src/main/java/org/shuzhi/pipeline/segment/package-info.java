/**
 * Chinese segmentation with HanLP and the project's domain terms; the only package that imports HanLP. May import model, dict.
 */
package org.shuzhi.pipeline.segment;
