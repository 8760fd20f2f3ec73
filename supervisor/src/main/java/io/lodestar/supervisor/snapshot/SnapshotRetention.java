package io.lodestar.supervisor.snapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.supervisor.tenancy.Tenant;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Deletes snapshot items, archives included, once they are older than their tenant's plan keeps them. */
@ApplicationScoped
public class SnapshotRetention {

    private static final int BATCH = 200;

    @Inject
    SnapshotService snapshots;

    @Inject
    Clock clock;

    @Scheduled(every = "${supervisor.snapshots.retention-sweep-interval:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int deleted = purgeExpired(clock.instant());
        if (deleted > 0) {
            Log.infof("Deleted %d snapshot item(s) past their plan's retention", deleted);
        }
    }

    /** Deletes what is past retention at {@code now}, one item per transaction; returns how many. */
    public int purgeExpired(Instant now) {
        int deleted = 0;
        for (Tenant tenant : QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant>listAll())) {
            Instant cutoff = now.minus(PlanLimits.of(tenant.plan).retention());
            List<Long> expired = QuarkusTransaction.requiringNew().call(() -> Snapshot.<Snapshot>find(
                    "tenantId = ?1 and createdAt < ?2 and status <> ?3 order by createdAt", tenant.id, cutoff,
                    SnapshotStatus.PROCESSING).range(0, BATCH - 1).list().stream().map(s -> s.id).toList());
            for (long id : expired) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        Snapshot item = Snapshot.findById(id);
                        if (item != null) {
                            snapshots.deleteWithArchive(item);
                        }
                    });
                    deleted++;
                } catch (RuntimeException e) {
                    Log.warnf(e, "Could not delete snapshot item %d past retention; the next sweep tries again", id);
                }
            }
        }
        return deleted;
    }
}
