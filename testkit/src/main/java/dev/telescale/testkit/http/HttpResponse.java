package dev.telescale.testkit.http;

import java.util.Objects;

/**
 * What the server writes back for one request: a status, a content type and a body, plus how to deliver it.
 * {@link Delivery#CLOSE} and {@link Delivery#TRUNCATE} exist for fault injection: the first closes the connection
 * without answering, the second announces the full Content-Length, writes half the body and closes.
 *
 * @param status      the HTTP status code
 * @param contentType the Content-Type header value
 * @param body        the complete body
 * @param delivery    how the response reaches the client
 */
public record HttpResponse(int status, String contentType, byte[] body, Delivery delivery) {

    /** The content type of every Bot API answer. */
    public static final String JSON = "application/json";

    /** How a response is delivered. */
    public enum Delivery {
        /** Written completely; the connection stays open when the request allows keep-alive. */
        NORMAL,
        /** Nothing is written and the connection is closed. */
        CLOSE,
        /** Headers and half of the body are written, then the connection is closed. */
        TRUNCATE
    }

    public HttpResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(delivery, "delivery");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be within 100..599, got " + status);
        }
    }

    /** A JSON response delivered normally. */
    public static HttpResponse json(int status, byte[] body) {
        return new HttpResponse(status, JSON, body, Delivery.NORMAL);
    }

    /** A response that closes the connection without answering. */
    public static HttpResponse closeWithoutAnswer() {
        return new HttpResponse(500, JSON, new byte[0], Delivery.CLOSE);
    }

    /** Returns this response delivered in the given way. */
    public HttpResponse withDelivery(Delivery newDelivery) {
        return new HttpResponse(status, contentType, body, newDelivery);
    }

    /** The standard reason phrase of a status code, or "Status" for codes without one. */
    static String reasonPhrase(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status";
        };
    }
}
