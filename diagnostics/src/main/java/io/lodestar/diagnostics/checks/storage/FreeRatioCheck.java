package io.lodestar.diagnostics.checks.storage;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.Sizes;
import io.lodestar.diagnostics.host.FileStoreInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Judges one free ratio (space or inodes) on every file system, the data directory's listed first. */
abstract class FreeRatioCheck extends AbstractCheck {

    FreeRatioCheck(String id, String title) {
        super(id, title, Category.STORAGE);
    }

    /** Free share of this resource, or empty when the file system does not report it. */
    abstract Optional<Double> freeRatio(FileStoreInfo store);

    abstract String describe(FileStoreInfo store);

    abstract String remediation(FileStoreInfo store);

    @Override
    public CheckResult run(HostContext context) {
        List<FileStoreInfo> stores = FileStores.judged(context.probe().fileStores()).stream()
                .filter(s -> freeRatio(s).isPresent()).toList();
        if (stores.isEmpty()) {
            return CheckResult.skip("no local file system reports this figure");
        }
        Optional<FileStoreInfo> dataStore = FileStores.holding(context.iggy().dataDir(), stores);
        List<FileStoreInfo> ordered = FileStores.dataDirFirst(dataStore, stores);
        FileStoreInfo shown = ordered.get(0);
        Status worst = RatioThresholds.judge(freeRatio(shown).orElseThrow());
        Map<String, String> details = new LinkedHashMap<>();
        for (FileStoreInfo store : ordered) {
            Status status = RatioThresholds.judge(freeRatio(store).orElseThrow());
            if (status.ordinal() < worst.ordinal()) {
                worst = status;
                shown = store;
            }
            details.put(store.mount(), describe(store) + (store == ordered.get(0) && dataStore.isPresent() ? " [iggy data]" : ""));
        }
        String summary = shown.mount() + ": " + describe(shown)
                + (worst == Status.PASS ? "; every file system above " + Sizes.percent(RatioThresholds.WARN_FREE) + " free" : "");
        return CheckResult.of(worst, summary)
                .details(details)
                .detail("thresholds", "warn below " + Sizes.percent(RatioThresholds.WARN_FREE) + ", fail below "
                        + Sizes.percent(RatioThresholds.FAIL_FREE))
                .remediation(worst == Status.PASS ? "" : remediation(shown))
                .build();
    }
}
