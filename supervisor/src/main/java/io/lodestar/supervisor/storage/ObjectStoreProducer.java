package io.lodestar.supervisor.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.lodestar.supervisor.common.SecretFiles;
import io.quarkus.logging.Log;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Builds the configured object store. */
@ApplicationScoped
public class ObjectStoreProducer {

    static final String SIGNING_KEY_FILE = ".download-signing-key";

    /** A singleton, not a proxied bean, so the download route can see which kind of store it is. */
    @Produces
    @Singleton
    ObjectStore objectStore(ObjectStoreConfig config, Clock clock) {
        return switch (config.type()) {
            case LOCAL -> local(config.local(), clock);
            case S3 -> s3(config.s3());
        };
    }

    static LocalObjectStore local(ObjectStoreConfig.Local config, Clock clock) {
        Path dir = config.dir().toAbsolutePath();
        try {
            Files.createDirectories(dir);
            byte[] key = config.signingKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElse(null);
            if (key == null) {
                key = persistedKey(dir.resolve(SIGNING_KEY_FILE));
            }
            Log.infof("Snapshot archives are kept in %s", dir);
            return new LocalObjectStore(dir, new UrlSigner(key), config.publicUrl(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + dir + " for snapshot archives (supervisor.object-store.local.dir)", e);
        }
    }

    /** A random key made once and kept 0600 next to the archives, so download URLs survive a restart. */
    private static byte[] persistedKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            SecretFiles.writeOwnerOnly(file, HexFormat.of().formatHex(fresh));
        }
        return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
    }

    static S3ObjectStore s3(ObjectStoreConfig.S3 config) {
        String bucket = config.bucket().orElseThrow(() -> new IllegalArgumentException(
                "supervisor.object-store.type=s3 needs supervisor.object-store.s3.bucket"));
        var presigner = S3Presigner.builder().region(Region.of(config.region())).credentialsProvider(credentials(config))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build());
        config.endpoint().ifPresent(presigner::endpointOverride);
        Log.infof("Snapshot archives are kept in bucket %s%s", bucket, config.endpoint().map(e -> " at " + e).orElse(""));
        return new S3ObjectStore(s3Client(config), presigner.build(), bucket, config.keyPrefix(), config.partSizeBytes());
    }

    static S3Client s3Client(ObjectStoreConfig.S3 config) {
        var client = S3Client.builder().region(Region.of(config.region())).credentialsProvider(credentials(config))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // Self-hosted stores vary in their support of the SDK's newer default checksums; the bundle's
                // SHA-256 is verified on receipt anyway.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        config.endpoint().ifPresent(client::endpointOverride);
        return client.build();
    }

    private static AwsCredentialsProvider credentials(ObjectStoreConfig.S3 config) {
        if (config.accessKeyId().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId().get(),
                config.secretAccessKey().orElseThrow(() -> new IllegalArgumentException(
                        "supervisor.object-store.s3.access-key-id needs supervisor.object-store.s3.secret-access-key"))));
    }
}
