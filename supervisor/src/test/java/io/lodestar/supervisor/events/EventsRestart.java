package io.lodestar.supervisor.events;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Two runs of the Supervisor on one H2 file database: {@link StreamRestartPart1Test} (profile {@link FirstRun})
 * is cut off during a burst, {@link StreamRestartPart2Test} (profile {@link SecondRun}: the
 * application started again on the same files) resumes. Quarkus orders test classes by profile, then
 * by name (both put part 1 first); what it leaves for the second is in {@link #HANDOVER}. The console's
 * session test ({@code ConsoleSessionRestartPart1Test}, {@code …Part2Test}) shares the two runs.
 */
public final class EventsRestart {

    public static final Path DIR = Path.of("target", "events-restart");
    static final Path HANDOVER = DIR.resolve("handover.json");

    private EventsRestart() {
    }

    private static Map<String, String> fileDatabase() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + DIR.toAbsolutePath().resolve("supervisor") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    public static class FirstRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return fileDatabase();
        }
    }

    public static class SecondRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return fileDatabase();
        }
    }
}
