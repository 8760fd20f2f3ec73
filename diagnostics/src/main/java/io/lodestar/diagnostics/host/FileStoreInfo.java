package io.lodestar.diagnostics.host;

import java.util.Arrays;
import java.util.List;

/** One mounted file system with its space and inode counts. Inode totals of 0 mean "not reported" (btrfs, some network fs). */
public record FileStoreInfo(String mount, String device, String type, String options,
                            long totalBytes, long usableBytes, long totalInodes, long freeInodes) {

    public List<String> optionList() {
        return Arrays.stream(options.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    public double freeSpaceRatio() {
        return totalBytes <= 0 ? 1.0 : (double) usableBytes / totalBytes;
    }

    public double freeInodeRatio() {
        return totalInodes <= 0 ? 1.0 : (double) freeInodes / totalInodes;
    }
}
