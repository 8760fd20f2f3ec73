package io.lodestar.diagnostics.checks.runtime;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.RuntimeSettings;
import io.lodestar.diagnostics.SupervisorLink;
import io.lodestar.diagnostics.checks.AbstractCheck;
import io.lodestar.diagnostics.checks.TomlConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A runtime's TOML config: present, valid TOML as the Supervisor judges it, and the same bytes the Supervisor last applied. */
abstract class ConfigFileCheck extends AbstractCheck {

    /** Real configs are a few KiB; anything this large is not the file we think it is. */
    static final long MAX_BYTES = 1024 * 1024;

    private final Function<HostContext, RuntimeSettings> runtime;
    private final Function<SupervisorLink, String> appliedSha256;

    ConfigFileCheck(String id, String title, Function<HostContext, RuntimeSettings> runtime,
                    Function<SupervisorLink, String> appliedSha256) {
        super(id, title, Category.RUNTIMES);
        this.runtime = runtime;
        this.appliedSha256 = appliedSha256;
    }

    /** Extra facts about a sound config (e.g. how many connector files it points at). */
    void describe(HostContext context, Map<String, String> values, CheckResult.Builder result) {
    }

    @Override
    public CheckResult run(HostContext context) throws IOException, NoSuchAlgorithmException {
        Path path = runtime.apply(context).configPath().toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            return CheckResult.info("no config file at " + path + ": the runtime uses its built-in defaults and environment")
                    .detail("path", path).build();
        }
        if (Files.size(path) > MAX_BYTES) {
            return CheckResult.fail(path + " is " + Files.size(path) + " bytes, too large to be a runtime config")
                    .remediation("Point the config path variable at the real TOML file.").build();
        }
        byte[] bytes = Files.readAllBytes(path);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Map<String, String> values;
        try {
            values = TomlConfig.values(new String(bytes, StandardCharsets.UTF_8));
        } catch (TomlConfig.Invalid e) {
            return CheckResult.fail(path + " is not valid TOML: " + e.getMessage())
                    .detail("path", path).detail("sha256", sha256)
                    .remediation("Fix the file at that line and column; the runtime refuses to start on a config it cannot "
                            + "parse, and the Supervisor rejects the same file on upload.")
                    .build();
        }
        Optional<String> applied = context.link().map(appliedSha256);
        CheckResult.Builder result = applied.isPresent() && !applied.get().equalsIgnoreCase(sha256)
                ? CheckResult.warn(path + " differs from the config the Supervisor last applied")
                        .remediation("Someone edited the file on the node: re-apply the config from the Supervisor, or "
                                + "record the local change there so the next deployment does not overwrite it.")
                : CheckResult.pass(path + " parses" + (applied.isPresent() ? " and matches the applied config" : ""));
        result.detail("path", path).detail("sha256", sha256).detail("applied_sha256", applied.orElse("unknown (no Supervisor link)"));
        describe(context, values, result);
        return result.build();
    }
}
