/**
 * The Model Context Protocol server of {@code Main mcp}: {@code diagnose}, {@code explain},
 * {@code consult_start} and {@code consult_reply} as tools for an assistant, over standard input
 * and output, on the official MCP Java SDK. The SDK is an optional dependency, so an application
 * that embeds the library doesn't get it.
 */
package dev.backupdoctor.mcp;
