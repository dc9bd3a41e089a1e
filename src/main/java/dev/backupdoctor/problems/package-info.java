/**
 * What goes wrong with rules: a {@link dev.backupdoctor.problems.RulesException} listing each
 * {@link dev.backupdoctor.problems.RuleProblem} when they can't be loaded, and a
 * {@link dev.backupdoctor.problems.RuleFailedException} when one fails while a snapshot is diagnosed.
 */
package dev.backupdoctor.problems;
