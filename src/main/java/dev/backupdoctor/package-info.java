/**
 * Backup Doctor's API: build a {@link dev.backupdoctor.BackupDoctor} once (it compiles the rules),
 * then {@link dev.backupdoctor.BackupDoctor#diagnose diagnose} device snapshots into
 * {@link dev.backupdoctor.Diagnosis plans}, {@link dev.backupdoctor.BackupDoctor#explain explain}
 * an action, or ask the {@link dev.backupdoctor.Question questions} whose answers would change a plan.
 *
 * <p>The snapshot and the actions are in {@link dev.backupdoctor.facts}, which is also what rules
 * are written against; {@link dev.backupdoctor.json} reads snapshots from JSON and writes plans;
 * {@link dev.backupdoctor.problems} has the exceptions for rules that can't be loaded or that fail.
 * Nothing here exposes Drools.
 */
package dev.backupdoctor;
