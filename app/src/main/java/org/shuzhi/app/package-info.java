/**
 * The shuzhi command line (picocli): {@code analyze}; later {@code search} and {@code serve}. Wires the pipeline and
 * the renderers together; exit codes are defined once in {@link org.shuzhi.app.ShuzhiCommand}.
 */
package org.shuzhi.app;
