/**
 * What rules are written against: the device snapshot's facts ({@link dev.backupdoctor.facts.DeviceSnapshot}
 * and one record per section, which are also the snapshot's {@link dev.backupdoctor.facts.Schema schema}),
 * the plan's {@link dev.backupdoctor.facts.Action actions} and the DRL global
 * {@link dev.backupdoctor.facts.PlanDraft plan}.
 */
package dev.backupdoctor.facts;
