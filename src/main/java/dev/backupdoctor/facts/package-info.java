/**
 * What rules match: the device snapshot ({@link dev.backupdoctor.facts.DeviceSnapshot}) and one
 * record per section, such as {@link dev.backupdoctor.facts.StorageStatus} and
 * {@link dev.backupdoctor.facts.PowerState}, with the values their fields hold. The records are also
 * the snapshot's schema, as {@link dev.backupdoctor.schema.Schema} reads them.
 */
package dev.backupdoctor.facts;
