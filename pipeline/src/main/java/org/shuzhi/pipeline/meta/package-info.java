/**
 * Unit, secretary and year from manifest.csv, file names and title lines, with their origins. May import model.
 */
package org.shuzhi.pipeline.meta;
