/**
 * The command line, {@link dev.backupdoctor.cli.Main}: its commands (diagnose, batch, report,
 * explain, consult, import, catalog, serve and mcp) and what they show a person. What a command
 * shares with another lives in a room below them all: {@code cli.batch}, the pipeline of batch
 * and report; {@code cli.inventory}, device-management inventories; {@code cli.report}, the fleet
 * report; {@code cli.common}, what every room uses. Its picocli, jte-runtime (the HTML report),
 * dd-plist (MDM property lists) and slf4j-simple dependencies are optional, so an application that
 * embeds the library doesn't get them.
 */
package dev.backupdoctor.cli;
