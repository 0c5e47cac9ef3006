/**
 * File helpers every layer may use (the bottom of the import graph): the one atomic write-then-rename. Imports
 * nothing of shuzhi.
 */
package org.shuzhi.pipeline.io;
