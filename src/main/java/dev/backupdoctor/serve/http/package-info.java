/**
 * The HTTP API of {@code serve}, on Javalin and Jetty: {@link dev.backupdoctor.serve.http.HttpServer}.
 * Javalin is an optional dependency, so an application that embeds the library doesn't get it.
 */
package dev.backupdoctor.serve.http;
