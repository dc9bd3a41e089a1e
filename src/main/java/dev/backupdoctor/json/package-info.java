/**
 * Snapshots from JSON ({@link dev.backupdoctor.json.SnapshotReader}, strict, with size limits) and
 * plans to JSON ({@link dev.backupdoctor.json.PlanWriter}), as the command line reads and writes them.
 */
package dev.backupdoctor.json;
