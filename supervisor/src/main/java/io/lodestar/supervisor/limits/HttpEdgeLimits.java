package io.lodestar.supervisor.limits;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.lodestar.supervisor.common.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The request line, header and declared body limits, checked before any route so that a request past them
 * gets a problem+json answer (414, 431, 413; 411 for a chunked body, whose size only reading would tell). The server's own codec limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set well above these:
 * what passes them and fails these is answered here; only a request past the codec's limits gets the
 * codec's bare answer.
 */
@ApplicationScoped
public class HttpEdgeLimits {

    /** Before every other filter, so nothing reads or routes an oversized request. */
    static final int PRIORITY = 10_000;

    private static final int HTTP_VERSION_AND_SPACES = " HTTP/1.1".length() + 1;

    @Inject
    LimitsConfig config;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBody;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        int line = request.method().name().length() + request.uri().length() + HTTP_VERSION_AND_SPACES;
        if (line > config.requestLine()) {
            refuse(context, 414, "The request line is " + line + " bytes; the Supervisor accepts at most "
                    + config.requestLine() + " (supervisor.limits.request-line). Shorten the path and query.");
            return;
        }
        int headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        if (headers > config.headerSize()) {
            refuse(context, 431, "The request headers take " + headers + " bytes; the Supervisor accepts at most "
                    + config.headerSize() + " (supervisor.limits.header-size). Send fewer or shorter headers.");
            return;
        }
        String transfer = request.getHeader("Transfer-Encoding");
        if (transfer != null && transfer.toLowerCase(Locale.ROOT).contains("chunked")) {
            // A chunked body's size is known only once read, and the reader answers a body too large without a
            // problem document: bodies come with their length, so they are refused before anything reads them.
            refuse(context, 411, "Send the request body with a Content-Length header; chunked request bodies are not"
                    + " accepted.");
            return;
        }
        long declared = parseLength(request.getHeader("Content-Length"));
        if (maxBody.isPresent() && declared > maxBody.get().asLongValue()) {
            refuse(context, 413, "The request body is " + declared + " bytes; the Supervisor accepts at most "
                    + maxBody.get().asLongValue() + " (quarkus.http.limits.max-body-size). Send a smaller body.");
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, String detail) {
        context.response().putHeader("Connection", "close");
        String path = context.request().path();
        Problem.of(status, detail, path.length() > 200 ? path.substring(0, 200) + "…" : path).send(context.response());
    }

    private static long parseLength(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
