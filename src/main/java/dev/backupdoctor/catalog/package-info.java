/**
 * The built-in catalog's room: each entry with its step, order, effort and policies
 * ({@link dev.backupdoctor.catalog.Remedy}), and what the entries say, read from the message files
 * beside the rules ({@link dev.backupdoctor.catalog.Wording}). Internal: embedders see the catalog
 * through {@code BackupDoctor.catalog()}; the rules name an entry in their metadata.
 */
package dev.backupdoctor.catalog;
