/**
 * The command line, {@link dev.backupdoctor.cli.Main}: diagnose, batch, explain and consult. Its
 * picocli and slf4j-simple dependencies are optional, so an application that embeds the library
 * doesn't get them.
 */
package dev.backupdoctor.cli;
