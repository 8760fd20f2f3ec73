package io.lodestar.supervisor.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where snapshot archives are kept ({@code SUPERVISOR_OBJECT_STORE_TYPE=s3} …); see docs/operating/supervisor.md. */
@ConfigMapping(prefix = "supervisor.object-store")
public interface ObjectStoreConfig {

    enum Type {
        /** A directory of the Supervisor's; downloads are served by the Supervisor itself. */
        LOCAL,
        /** Any S3-compatible store; downloads are the store's own presigned URLs. */
        S3
    }

    @WithDefault("local")
    Type type();

    /** How long a download URL stays valid. */
    @WithDefault("5m")
    Duration downloadUrlTtl();

    Local local();

    S3 s3();

    interface Local {
        /** The directory archives are written to. */
        @WithDefault("${lodestar.data-dir:./lodestar-data}/objects")
        Path dir();

        /**
         * The HMAC key signing download URLs (at least 32 characters). When absent, one is generated on
         * first start and kept (mode 0600) in the directory, so URLs survive a restart.
         */
        Optional<String> signingKey();

        /**
         * The Supervisor's address as users reach it (e.g. https://lodestar.example.com), used in download
         * URLs; defaults to the address the download was requested on.
         */
        Optional<URI> publicUrl();
    }

    interface S3 {
        /** The store's endpoint (e.g. https://s3.eu-central-1.amazonaws.com or a MinIO address); AWS's when absent. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** The bucket; it must exist. */
        Optional<String> bucket();

        /** Prefix of every key in the bucket. */
        @WithDefault("lodestar/")
        String keyPrefix();

        /** Path-style addressing (endpoint/bucket/key), which most self-hosted stores need. */
        @WithDefault("true")
        boolean pathStyle();

        /** Static credentials; when absent, the AWS default chain (environment, profile, instance role). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** Size of each part of a multipart upload: the memory one upload holds at most. */
        @WithDefault("8388608")
        int partSizeBytes();
    }
}
