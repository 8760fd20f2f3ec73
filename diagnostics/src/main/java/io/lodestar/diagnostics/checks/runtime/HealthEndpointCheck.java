package io.lodestar.diagnostics.checks.runtime;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.RuntimeSettings;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.RuntimeProcesses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/** Calls a runtime's unauthenticated liveness endpoint and times the answer. */
public final class HealthEndpointCheck extends AbstractCheck {

    static final Duration TIMEOUT = Duration.ofMillis(1500);
    static final Duration WARN_LATENCY = Duration.ofMillis(200);

    private final Function<HostContext, RuntimeSettings> runtime;

    public HealthEndpointCheck(String id, String title, Function<HostContext, RuntimeSettings> runtime) {
        super(id, title, Category.RUNTIMES);
        this.runtime = runtime;
    }

    @Override
    public CheckResult run(HostContext context) throws InterruptedException {
        RuntimeSettings settings = runtime.apply(context);
        URI uri = settings.healthUri();
        if (RuntimeProcesses.of(context, settings).isEmpty()) {
            return CheckResult.skip("runtime not running; " + uri + " not called");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            if (latency.compareTo(WARN_LATENCY) > 0 && settings.healthy(response.statusCode(), response.body())) {
                // A first call also pays for this process's HTTP client warming up and the TCP connect;
                // the runtime is slow only if a second call on the open connection is slow too.
                started = System.nanoTime();
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
                latency = Duration.ofNanos(System.nanoTime() - started);
            }
            String body = response.body().length() > 200 ? response.body().substring(0, 200) : response.body();
            CheckResult.Builder result;
            if (!settings.healthy(response.statusCode(), response.body())) {
                result = CheckResult.fail(uri + " answered " + response.statusCode() + " " + body.strip())
                        .remediation("The runtime is up but unhealthy: read its recent log (logs checks) and restart it if it does not recover.");
            } else if (latency.compareTo(WARN_LATENCY) > 0) {
                result = CheckResult.warn(uri + " healthy but slow: " + latency.toMillis() + " ms")
                        .remediation("The runtime is slow to answer a trivial request: check CPU (cpu.*) and I/O (cpu.iowait, disk.io).");
            } else {
                result = CheckResult.pass(uri + " healthy in " + latency.toMillis() + " ms");
            }
            return result.detail("uri", uri).detail("status", response.statusCode()).detail("body", body.strip())
                    .detail("latency_ms", latency.toMillis()).build();
        } catch (IOException e) {
            return CheckResult.fail("runtime is running but " + uri + " did not answer: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()))
                    .detail("uri", uri)
                    .remediation("Check that the HTTP listener is enabled and bound where expected (net.ports); "
                            + "if it is, the process may be stuck: capture its state and restart it.")
                    .build();
        }
    }
}
