package io.lodestar.supervisor.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.supervisor.common.Problem;
import io.lodestar.supervisor.common.Times;
import io.lodestar.supervisor.rollout.RolloutService;
import io.lodestar.supervisor.snapshot.PlanLimits;
import io.lodestar.supervisor.tenancy.ApiKey;
import io.lodestar.supervisor.tenancy.ConsoleSessions;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The web console: its files under {@code /console/} and its sign-in under {@code /console/session}. Plain
 * HTTP routes outside the API's key filter: the files are public, and the session routes check the key
 * themselves. Every other call the console makes is an ordinary API call, authenticated by the session
 * cookie instead of the {@code ld-api-key} header (see {@link ConsoleSessions}).
 */
@ApplicationScoped
public class ConsoleRoutes {

    static final String ROOT = "/console/";
    static final String ASSETS_PATH = ROOT + "assets/";
    static final String SESSION_PATH = "/console/session";
    /** The console's own origin only: no inline script, nothing fetched from elsewhere, never framed. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final ConsoleAssets assets = new ConsoleAssets();

    @Inject
    ConsoleSessions sessions;

    @Inject
    ObjectMapper json;

    @Inject
    RolloutService rollouts;

    void register(@Observes Router router) {
        // Vert.x matches "/console" and "/console/" alike: the page's relative links need the slash
        router.get("/console").handler(context -> {
            if (context.request().path().endsWith("/")) {
                index(context);
            } else {
                context.redirect(ROOT);
            }
        });
        router.get(ASSETS_PATH + ":version/*").handler(this::asset);
        router.post(SESSION_PATH).handler(BodyHandler.create().setBodyLimit(4096)).blockingHandler(this::signIn);
        router.get(SESSION_PATH).blockingHandler(this::current);
        router.delete(SESSION_PATH).blockingHandler(this::signOut);
    }

    private void index(RoutingContext context) {
        send(context, assets.index(), "no-cache");
    }

    private void asset(RoutingContext context) {
        String name = context.normalizedPath().substring(ASSETS_PATH.length() + context.pathParam("version").length() + 1);
        Optional<ConsoleAssets.Asset> asset = assets.find(context.pathParam("version"), name);
        if (asset.isEmpty()) {
            Problem.of(404, "No console file " + name + " in version " + context.pathParam("version")
                    + "; reload " + ROOT + " for the current version.", context.normalizedPath()).send(context.response());
            return;
        }
        send(context, asset.get(), "public, max-age=31536000, immutable");
    }

    private void send(RoutingContext context, ConsoleAssets.Asset asset, String cacheControl) {
        String accepted = context.request().getHeader("Accept-Encoding");
        boolean gzip = accepted != null && accepted.contains("gzip");
        var response = context.response()
                .putHeader("Content-Type", asset.mediaType())
                .putHeader("Cache-Control", cacheControl)
                .putHeader("Vary", "Accept-Encoding")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("Referrer-Policy", "no-referrer");
        if (gzip) {
            response.putHeader("Content-Encoding", "gzip");
        }
        response.end(Buffer.buffer(gzip ? asset.gzipped() : asset.plain()));
    }

    /** {@code {"key":"ld_…"}} → 200 with the session (and its cookie), 400 without a key, 401 for an unusable one. */
    private void signIn(RoutingContext context) {
        String key;
        try {
            JsonNode body = context.body().buffer() == null ? null : json.readTree(context.body().asString());
            JsonNode field = body == null ? null : body.get("key");
            key = field != null && field.isTextual() ? field.asText() : null;
        } catch (JsonProcessingException e) {
            key = null;
        }
        if (key == null || key.isBlank()) {
            Problem.of(400, "Send {\"key\":\"ld_…\"}: the API key to sign in with, as a JSON string.", SESSION_PATH)
                    .send(context.response());
            return;
        }
        Optional<ConsoleSessions.Session> session = sessions.signIn(key);
        if (session.isEmpty()) {
            Problem.of(401, "This API key is unknown, revoked or expired; check it, or ask for a new one.", SESSION_PATH)
                    .send(context.response());
            return;
        }
        Cookie cookie = Cookie.cookie(ConsoleSessions.COOKIE, session.get().token()).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(context.request().isSSL() || "https".equals(context.request().scheme()));
        context.response().addCookie(cookie);
        describe(context, session.get());
    }

    /** The signed-in key: its tenant, its permissions and the CSRF token the console sends on writes. */
    private void current(RoutingContext context) {
        Cookie cookie = context.request().getCookie(ConsoleSessions.COOKIE);
        Optional<ConsoleSessions.Session> session = sessions.find(cookie == null ? null : cookie.getValue());
        if (session.isEmpty() || sessions.keyOf(session.get()).isEmpty()) {
            Problem.of(401, "Not signed in, or the session ended; sign in with an API key.", SESSION_PATH).send(context.response());
            return;
        }
        describe(context, session.get());
    }

    private void describe(RoutingContext context, ConsoleSessions.Session session) {
        ApiKey key = sessions.keyOf(session).orElseThrow();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("key_id", String.valueOf(key.id));
        answer.put("key_name", key.name);
        answer.put("key_prefix", key.keyPrefix);
        answer.put("tenant_id", String.valueOf(key.tenantId));
        // what the key holds, a manage permission adding its read, so the console asks one question per button
        List<String> granted = java.util.Arrays.stream(Permission.values())
                .filter(wanted -> key.permissionSet().stream().anyMatch(held -> held.grants(wanted)))
                .map(Permission::wireName).sorted().toList();
        answer.put("permissions", granted);
        answer.put("csrf_token", session.csrf());
        answer.put("expires_at", Times.format(session.expiresAt()));
        // an action's confirmation shows the rollout it will get; these are the parts set on the Supervisor
        answer.put("rollout_defaults", rollouts.defaults().wire());
        // the snapshots page shows what the tenant's plan allows before a create is refused for it
        PlanLimits limits = PlanLimits.of(QuarkusTransaction.requiringNew().call(() -> {
            Tenant tenant = Tenant.findById(key.tenantId);
            return tenant == null ? null : tenant.plan;
        }));
        answer.put("plan", limits.wireName());
        answer.put("snapshot_limits", Map.of("per_deployment", limits.maxSnapshots(), "retention_days",
                limits.retention().toDays()));
        try {
            context.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                    .end(json.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void signOut(RoutingContext context) {
        Cookie cookie = context.request().getCookie(ConsoleSessions.COOKIE);
        sessions.signOut(cookie == null ? null : cookie.getValue());
        context.response().addCookie(Cookie.cookie(ConsoleSessions.COOKIE, "").setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setMaxAge(0));
        context.response().setStatusCode(204).end();
    }
}
