package io.lodestar.supervisor.webhook;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook deliveries ({@code SUPERVISOR_WEBHOOKS_RETRY_FOR} …); see docs/api/webhooks.md. */
@ConfigMapping(prefix = "supervisor.webhooks")
public interface WebhookConfig {

    /**
     * Allow URLs that resolve to loopback, link-local or cloud metadata addresses. Off: such a URL is refused
     * when the webhook is created and again before every delivery (a name may resolve elsewhere later).
     */
    @WithDefault("false")
    boolean allowInternalTargets();

    /** How long a delivery is retried; a webhook whose oldest delivery fails this long is disabled. */
    @WithDefault("24h")
    Duration retryFor();

    /** The wait after the first failed attempt; each further failure doubles it (with jitter), up to retry-max. */
    @WithDefault("5s")
    Duration retryInitial();

    @WithDefault("1h")
    Duration retryMax();

    /** How long one delivery attempt may take (connect and answer). */
    @WithDefault("10s")
    Duration timeout();

    /** How often due deliveries are looked for (a delivered one's successor goes at once). */
    @WithDefault("1s")
    java.time.Duration deliveryInterval();

    /** How many webhooks one tenant may have. */
    @WithDefault("20")
    int perTenant();
}
