/**
 * The command line, {@link dev.backupdoctor.cli.Main}: diagnose, batch, report, explain, consult and
 * import. Its picocli, jte-runtime (the HTML report), dd-plist (MDM property lists) and slf4j-simple
 * dependencies are optional, so an application that embeds the library doesn't get them.
 */
package dev.backupdoctor.cli;
