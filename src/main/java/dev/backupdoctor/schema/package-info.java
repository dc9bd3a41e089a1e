/**
 * The snapshot's fields, described once from the fact records: what the JSON reader and writer,
 * the evidence behind each action and the consult questions derive from.
 */
package dev.backupdoctor.schema;
