/**
 * What every room of the command line uses, below them all so that none depends on the commands:
 * text a terminal can show without harm ({@link dev.backupdoctor.cli.common.Printable}), bad usage
 * that ends a command with exit status 2 ({@link dev.backupdoctor.cli.common.UsageException}, a
 * missing optional jar, "did you mean"), and the snapshot file or standard input an argument names.
 */
package dev.backupdoctor.cli.common;
