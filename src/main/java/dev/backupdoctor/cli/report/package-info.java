/**
 * {@code report}'s fleet report: the tally of a fleet's plans, made chunk by chunk on the batch
 * pipeline's workers, written as text, JSON or one HTML page. The page's template is
 * {@code src/main/jte/report.jte}, compiled to Java in this package at build time (jte-maven-plugin),
 * so that it reaches the page's package-private model, {@code ReportPage}.
 */
package dev.backupdoctor.cli.report;
