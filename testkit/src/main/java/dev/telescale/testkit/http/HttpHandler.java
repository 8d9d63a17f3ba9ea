package dev.telescale.testkit.http;

/**
 * Answers the requests that {@link HttpServer} parsed. It runs on the connection's own thread, so it may
 * block (a long poll waits here); an exception it throws becomes a 500 answer and the connection stays usable.
 */
@FunctionalInterface
public interface HttpHandler {

    /** Handles one request; the returned response is written before the connection reads the next request. */
    HttpResponse handle(HttpRequest request);
}
