package io.lodestar.diagnostics.host;

import java.util.HashMap;
import java.util.Map;

/** pid to command name ({@code /proc/<pid>/comm}, at most 15 characters) for every visible process. */
final class ProcessNames {

    private ProcessNames() {
    }

    static Map<Integer, String> read(HostReader host) {
        Map<Integer, String> names = new HashMap<>();
        for (String entry : host.list("/proc")) {
            if (!entry.isEmpty() && entry.chars().allMatch(Character::isDigit)) {
                host.value("/proc/" + entry + "/comm").ifPresent(name -> names.put(Integer.parseInt(entry), name));
            }
        }
        return names;
    }
}
