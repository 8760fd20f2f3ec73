package io.lodestar.testsupport.standin.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's users as far as its HTTP API needs them: the root user, personal access tokens and
 * the access tokens a login hands out.
 * <ul>
 * <li>Root is created on the first boot only, from {@code IGGY_ROOT_USERNAME}/{@code IGGY_ROOT_PASSWORD},
 *     else {@code iggy}/{@code iggy} with {@code --with-default-root-credentials}, else {@code iggy}
 *     with a generated password written to the log once ({@code create_root_credentials} and
 *     {@code apply_default_root_credentials}, {@code core/server/src/bootstrap.rs:3263-3320}).</li>
 * <li>{@code POST /users/login} and {@code POST /personal-access-tokens/login} answer
 *     {@code {"user_id", "access_token": {"token", "expiry"}}} ({@code IdentityInfo},
 *     {@code core/common/src/types/user/user_identity_info.rs}); {@code POST /personal-access-tokens}
 *     answers {@code {"token"}} ({@code RawPersonalAccessToken}).</li>
 * <li>Protected routes take {@code Authorization: Bearer <token>} where the token is an access token
 *     or a raw personal access token ({@code bearer_token} and {@code resolve_credential},
 *     {@code core/server/src/http/extractor.rs:151-190}).</li>
 * </ul>
 * Stored hashed in {@code metadata/stand-in.users}, so tokens survive restarts as Iggy's do.
 */
final class Credentials {

    static final String DEFAULT_ROOT_USERNAME = "iggy";
    static final String DEFAULT_ROOT_PASSWORD = "iggy";
    private static final String FILE = "stand-in.users";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final String rootUsername;
    private final String rootPasswordHash;
    private final Set<String> patHashes = ConcurrentHashMap.newKeySet();
    private final Set<String> patNames = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> accessTokens = new ConcurrentHashMap<>();

    private Credentials(Path file, String rootUsername, String rootPasswordHash) {
        this.file = file;
        this.rootUsername = rootUsername;
        this.rootPasswordHash = rootPasswordHash;
    }

    /** Loads the users of {@code dataDir}, creating root on the first boot. */
    static Credentials load(Path dataDir, Map<String, String> env, boolean withDefaultRoot, RuntimeLog log)
            throws IOException {
        Path file = dataDir.resolve(Superblock.DIRECTORY).resolve(FILE);
        if (!Files.exists(file)) {
            String username = env.get("IGGY_ROOT_USERNAME");
            String password = env.get("IGGY_ROOT_PASSWORD");
            if (username == null || password == null) {
                if (withDefaultRoot) {
                    username = DEFAULT_ROOT_USERNAME;
                    password = DEFAULT_ROOT_PASSWORD;
                    log.info("Using the default root user credentials...");
                } else {
                    username = DEFAULT_ROOT_USERNAME;
                    password = secret(20);
                    log.warn("Generated root user password: " + password);
                }
            } else {
                log.info("Using the custom root user credentials.");
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, "root " + username + " " + hash(password) + "\n", StandardCharsets.UTF_8);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] root = lines.get(0).split(" ");
        Credentials credentials = new Credentials(file, root[1], root[2]);
        for (String line : lines.subList(1, lines.size())) {
            String[] pat = line.split(" ");
            if (pat.length == 3 && pat[0].equals("pat")) {
                credentials.patNames.add(pat[1]);
                credentials.patHashes.add(pat[2]);
            }
        }
        return credentials;
    }

    /** An access token for the root user when the password matches. */
    Optional<String> login(String username, String password) {
        if (rootUsername.equals(username) && rootPasswordHash.equals(hash(password))) {
            return Optional.of(issue());
        }
        return Optional.empty();
    }

    /** An access token for a valid personal access token. */
    Optional<String> loginWithPersonalAccessToken(String token) {
        return patHashes.contains(hash(token)) ? Optional.of(issue()) : Optional.empty();
    }

    /** Whether a bearer value is an access token this process issued or a stored personal access token. */
    boolean accepts(String bearer) {
        return accessTokens.containsKey(bearer) || patHashes.contains(hash(bearer));
    }

    /** Creates a personal access token; empty when the name is taken. */
    synchronized Optional<String> createPersonalAccessToken(String name) throws IOException {
        if (name == null || name.isBlank() || name.contains(" ") || !patNames.add(name)) {
            return Optional.empty();
        }
        String token = secret(50);
        patHashes.add(hash(token));
        Files.writeString(file, "pat " + name + " " + hash(token) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        return Optional.of(token);
    }

    private String issue() {
        String token = secret(32);
        accessTokens.put(token, System.currentTimeMillis());
        return token;
    }

    private static String secret(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
