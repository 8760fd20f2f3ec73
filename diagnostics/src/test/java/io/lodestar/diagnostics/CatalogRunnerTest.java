package io.lodestar.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CatalogRunnerTest {

    private final HostContext context = Contexts.of(new FakeHost());

    private static Check check(String id, Callable body) {
        return new Check() {
            public String id() { return id; }
            public String title() { return "test " + id; }
            public Category category() { return Category.OS; }
            public CheckResult run(HostContext context) throws Exception { return body.call(); }
        };
    }

    interface Callable {
        CheckResult call() throws Exception;
    }

    @Test
    void findingsComeBackInCatalogOrderWithElapsedTime() {
        List<Finding> findings = new CatalogRunner().run(List.of(
                check("os.a", () -> { Thread.sleep(50); return CheckResult.pass("a").build(); }),
                check("os.b", () -> CheckResult.info("b").build())), context);
        assertThat(findings).extracting(Finding::id).containsExactly("os.a", "os.b");
        assertThat(findings.get(0).elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aThrowingCheckBecomesAnErrorWithTheMessage() {
        List<Finding> findings = new CatalogRunner().run(List.of(
                check("os.broken", () -> { throw new IllegalStateException("proc vanished"); })), context);
        assertThat(findings.get(0).status()).isEqualTo(Status.ERROR);
        assertThat(findings.get(0).result().summary()).isEqualTo("IllegalStateException: proc vanished");
    }

    @Test
    void aCheckReturningNullIsAnError() {
        List<Finding> findings = new CatalogRunner().run(List.of(check("os.null", () -> null)), context);
        assertThat(findings.get(0).status()).isEqualTo(Status.ERROR);
    }

    @Test
    @Timeout(5)
    void aHungCheckTimesOutAsErrorAndTheRestStillRunOnASingleThread() {
        CountDownLatch never = new CountDownLatch(1);
        Check stubborn = check("os.stuck", () -> {
            while (true) {
                try {
                    never.await();
                } catch (InterruptedException ignored) {
                    // ignores interrupts on purpose: the runner must cope with checks that do
                }
            }
        });
        List<Finding> findings = new CatalogRunner(Duration.ofMillis(200), 1).run(List.of(stubborn,
                check("os.after", () -> CheckResult.pass("still ran").build())), context);
        assertThat(findings.get(0).status()).isEqualTo(Status.ERROR);
        assertThat(findings.get(0).result().summary()).contains("timed out after 200 ms");
        assertThat(findings.get(1).status()).isEqualTo(Status.PASS);
    }

    @Test
    void rejectsNonPositiveTimeoutsAndThreadCounts() {
        assertThatThrownBy(() -> new CatalogRunner(Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CatalogRunner(Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void warnWithoutRemediationIsRejected() {
        assertThatThrownBy(() -> CheckResult.warn("low").build()).isInstanceOf(IllegalArgumentException.class);
    }
}
