/**
 * The pipeline that {@code batch} and {@code report} diagnose many snapshots through: their input
 * (JSON Lines, or with {@code --from} inventory records), a reader thread, a pool of workers and
 * chunks taken in input order, {@code batch}'s JSON Lines output, and what both say on standard
 * error once their output is written. What the two commands share lives here, not in either.
 */
package dev.backupdoctor.cli.batch;
