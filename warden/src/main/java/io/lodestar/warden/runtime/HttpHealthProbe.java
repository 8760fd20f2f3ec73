package io.lodestar.warden.runtime;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Healthy when a GET of the URL answers 2xx within a short timeout. */
public final class HttpHealthProbe implements HealthProbe {

    private final HttpClient client;
    private final Duration requestTimeout;

    public HttpHealthProbe(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        // HTTP/1.1: the runtimes speak it, and an h2c upgrade attempt only adds a round trip.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Result check(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Result(status >= 200 && status < 300, "HTTP " + status);
        } catch (ConnectException e) {
            return new Result(false, "connection refused");
        } catch (HttpTimeoutException e) {
            return new Result(false, "no answer within " + requestTimeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Result(false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }
}
