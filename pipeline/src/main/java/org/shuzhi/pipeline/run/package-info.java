/**
 * The pipeline: stages, their order and checks, batch runs over folders, run summaries. May import every other package.
 */
package org.shuzhi.pipeline.run;
