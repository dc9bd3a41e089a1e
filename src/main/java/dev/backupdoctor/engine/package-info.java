/**
 * Internal: the Drools side of {@link dev.backupdoctor.BackupDoctor}, compiled rules and the pooled
 * sessions that run them ({@link dev.backupdoctor.engine.Knowledge}). Every Drools type stays in
 * this package; nothing here is API, and it may change in any release.
 */
package dev.backupdoctor.engine;
