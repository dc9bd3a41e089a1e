/**
 * Backup Doctor as a service: the consultation token and the JSON of a consultation's turns and
 * replies, shared by the HTTP server and the MCP server. Nothing here keeps a conversation: the
 * token carries it. The servers' own libraries (Javalin, the MCP SDK) are optional dependencies,
 * kept out of the classes of this package.
 */
package dev.backupdoctor.serve;
