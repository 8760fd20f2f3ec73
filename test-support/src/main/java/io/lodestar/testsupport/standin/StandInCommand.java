package io.lodestar.testsupport.standin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.google.protobuf.ProtocolMessageEnum;
import io.lodestar.protocol.RuntimeName;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line that starts a stand-in runtime from a JVM, for process-driver tests that spawn
 * it without {@code bin/standin-runtime}:
 * {@code <java> <fast-start flags> -cp <classpath> io.lodestar.testsupport.standin.StandInRuntime <runtime>}.
 */
public final class StandInCommand {

    /** The stand-in's main class. */
    public static final String MAIN_CLASS = StandInRuntime.class.getName();

    /** Flags for a short-lived JVM that starts often: C1 only, shared class data, small serial heap. */
    public static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC", "-Xmx64m", "-XX:-UsePerfData");

    private StandInCommand() {
    }

    /** The command for {@code runtime} with the current JVM's java and {@link #classpath()}. */
    public static List<String> of(RuntimeName runtime) {
        return of(runtime, classpath());
    }

    /** The command for {@code runtime} with the current JVM's java and the given classpath. */
    public static List<String> of(RuntimeName runtime, String classpath) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(classpath);
        command.add(MAIN_CLASS);
        command.add(runtime.wireName());
        return List.copyOf(command);
    }

    /** {@code $java.home/bin/java} of the running JVM. */
    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The stand-in's classpath: the jars or directories holding this module, Jackson and the
     * protocol's runtime names (with the protobuf runtime their enum needs), found
     * from where the classes were loaded; {@code java.class.path} when any location is unknown.
     * A short classpath keeps the child's start fast even when the test classpath is long.
     */
    public static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(StandInRuntime.class, TomlMapper.class, ObjectMapper.class,
                JsonFactory.class, JsonProperty.class, RuntimeName.class, ProtocolMessageEnum.class)) {
            String location = location(type);
            if (location == null) {
                return System.getProperty("java.class.path");
            }
            entries.add(location);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
