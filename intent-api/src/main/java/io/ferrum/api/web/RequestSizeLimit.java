package io.ferrum.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@link ApiLimits} with 413 problem+json: at once when its Content-Length says so, or
 * when a chunked body reads past the limit ({@link TooLarge}, answered by {@link ApiExceptionHandler}). Runs before
 * authentication, so nobody can make the server buffer an unbounded body.
 */
class RequestSizeLimit extends OncePerRequestFilter {

    /** A body that read past its limit. An IOException, so every reader of the stream stops on it. */
    static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit) {
            super("the request body is over " + limit + " bytes");
            this.limit = limit;
        }
    }

    private final ApiLimits limits;

    RequestSizeLimit(ApiLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = request.getContentType() != null
                && request.getContentType().startsWith(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        long limit = (upload ? limits.maxUploadSize() : limits.maxRequestSize()).toBytes();
        if (request.getContentLengthLong() > limit) {
            refuse(response, limit);
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    static void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content too large\",\"status\":413,"
                + "\"detail\":\"the request body is over " + limit + " bytes (ferrum.api.max-request-size; binary "
                + "uploads: ferrum.api.max-upload-size)\",\"errors\":[{\"field\":\"body\",\"reason\":\"at most "
                + limit + " bytes\"}]}");
    }

    /** The request with an input stream that stops at the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private void count(long n) throws TooLarge {
            if (n > 0 && (read += n) > limit) {
                throw new TooLarge(limit);
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
