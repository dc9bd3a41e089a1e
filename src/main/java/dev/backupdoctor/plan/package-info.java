/**
 * What rules produce and what the plan already knows: the plan's {@link dev.backupdoctor.plan.Action
 * actions} and their {@link dev.backupdoctor.plan.Kind kinds}, the DRL global
 * {@link dev.backupdoctor.plan.PlanDraft plan} every rule file declares, the remedies the person
 * already tried ({@link dev.backupdoctor.plan.TriedAction}) and whether other remedies are listed
 * ({@link dev.backupdoctor.plan.OtherRemedies}).
 */
package dev.backupdoctor.plan;
