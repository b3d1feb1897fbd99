package io.ferrum.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

/**
 * The two ids of one request: the client's ({@code X-Request-Id}, taken as given so a client can find its own
 * changes) and the server's own ({@code X-Server-Request-Id}, unique, so two clients sending the same id cannot make
 * their changes look like one request). Without a usable client id, both are the server's.
 */
public record RequestIds(String client, String server) {

    public static final String CLIENT_HEADER = "X-Request-Id";
    public static final String SERVER_HEADER = "X-Server-Request-Id";
    /** The longest client id taken; a longer one is replaced by the server's. */
    static final int MAX_CLIENT_LENGTH = 128;
    private static final String ATTRIBUTE = RequestIds.class.getName();

    /** The ids of this request, made on first use. */
    public static RequestIds of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof RequestIds ids) {
            return ids;
        }
        String server = UUID.randomUUID().toString();
        String given = request.getHeader(CLIENT_HEADER);
        boolean usable = given != null && !given.isBlank() && given.length() <= MAX_CLIENT_LENGTH;
        RequestIds ids = new RequestIds(usable ? given : server, server);
        request.setAttribute(ATTRIBUTE, ids);
        return ids;
    }
}
