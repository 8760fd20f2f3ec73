package io.lodestar.diagnostics.checks.storage;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Average time per I/O since boot and the current queue, per block device, from {@code /proc/diskstats}. */
public final class DiskIoCheck extends AbstractCheck {

    static final double WARN_AVG_MS = 50;
    /** Averages over a handful of I/Os say nothing. */
    static final long MIN_IOS = 1000;

    public DiskIoCheck() {
        super("disk.io", "Disk I/O latency", Category.STORAGE);
    }

    record DeviceStats(String name, long ios, long ioMillis, long inFlight) {
        double averageMillis() {
            return ios == 0 ? 0 : (double) ioMillis / ios;
        }
    }

    @Override
    public CheckResult run(HostContext context) {
        Optional<List<String>> lines = context.host().lines("/proc/diskstats");
        if (lines.isEmpty()) {
            return CheckResult.skip("/proc/diskstats is not readable");
        }
        List<DeviceStats> devices = parseDiskstats(lines.get()).stream()
                .filter(d -> context.host().exists("/sys/block/" + d.name()) && !d.name().startsWith("loop")
                        && !d.name().startsWith("ram"))
                .toList();
        if (devices.isEmpty()) {
            return CheckResult.skip("no block devices listed in /proc/diskstats");
        }
        List<String> slow = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        for (DeviceStats d : devices) {
            String avg = String.format(Locale.ROOT, "%.1f", d.averageMillis());
            details.put(d.name(), avg + " ms per I/O over " + d.ios() + " I/Os, " + d.inFlight() + " in flight");
            if (d.ios() >= MIN_IOS && d.averageMillis() > WARN_AVG_MS) {
                slow.add(d.name() + " (" + avg + " ms)");
            }
        }
        CheckResult.Builder result = slow.isEmpty()
                ? CheckResult.pass(devices.size() + " device(s), none averaging over " + (int) WARN_AVG_MS + " ms per I/O")
                : CheckResult.warn("slow I/O since boot on " + String.join(", ", slow))
                        .remediation("Watch the device live with `iostat -x 1`; if it stays slow, move the Iggy data "
                                + "directory to faster storage (local SSD/NVMe) or reduce competing I/O.");
        return result.details(details).build();
    }

    /** Fields: major minor name reads merged sectors ms_reading writes merged sectors ms_writing in_flight ms_io weighted. */
    static List<DeviceStats> parseDiskstats(List<String> lines) {
        List<DeviceStats> devices = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 14) {
                continue;
            }
            long ios = Long.parseLong(f[3]) + Long.parseLong(f[7]);
            long millis = Long.parseLong(f[6]) + Long.parseLong(f[10]);
            devices.add(new DeviceStats(f[2], ios, millis, Long.parseLong(f[11])));
        }
        return devices;
    }
}
