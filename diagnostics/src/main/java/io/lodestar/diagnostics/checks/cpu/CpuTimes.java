package io.lodestar.diagnostics.checks.cpu;

import java.util.List;
import java.util.Optional;

/** The aggregate {@code cpu} line of {@code /proc/stat}, in clock ticks. Guest time is already inside user time. */
public record CpuTimes(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {

    static Optional<CpuTimes> parse(List<String> procStat) {
        return procStat.stream().filter(l -> l.startsWith("cpu ")).findFirst().map(CpuTimes::parseLine);
    }

    static CpuTimes parseLine(String line) {
        String[] f = line.strip().split("\\s+");
        long[] v = new long[8];
        for (int i = 0; i < v.length && i + 1 < f.length; i++) {
            v[i] = Long.parseLong(f[i + 1]);
        }
        return new CpuTimes(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    public long total() {
        return user + nice + system + idle + iowait + irq + softirq + steal;
    }

    /** Time doing work: everything except idle and waiting on I/O. */
    public long busy() {
        return total() - idle - iowait;
    }

    public CpuTimes since(CpuTimes earlier) {
        return new CpuTimes(user - earlier.user, nice - earlier.nice, system - earlier.system, idle - earlier.idle,
                iowait - earlier.iowait, irq - earlier.irq, softirq - earlier.softirq, steal - earlier.steal);
    }

    public double ratio(long part) {
        long total = total();
        return total <= 0 ? 0 : (double) part / total;
    }
}
