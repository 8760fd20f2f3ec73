package io.lodestar.supervisor.storage;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Objects in a bucket of any S3-compatible store, through the AWS SDK. An upload buffers one part at a time
 * (a multipart upload; a single PUT when the object fits in one part), so memory stays at one part per
 * upload whatever the object's size. Downloads are the store's own presigned GET URLs.
 */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client client;
    private final S3Presigner presigner;
    private final String bucket;
    private final String prefix;
    private final int partSize;

    public S3ObjectStore(S3Client client, S3Presigner presigner, String bucket, String prefix, int partSize) {
        if (partSize < 5 * 1024 * 1024) {
            throw new IllegalArgumentException("supervisor.object-store.s3.part-size-bytes must be at least 5 MiB (S3's minimum part)");
        }
        this.client = client;
        this.presigner = presigner;
        this.bucket = bucket;
        this.prefix = prefix;
        this.partSize = partSize;
    }

    private String objectName(String key) {
        return prefix + ObjectKeys.require(key);
    }

    @Override
    public ObjectUpload create(String key) {
        return new MultipartUpload(objectName(key));
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(objectName(key)));
        } catch (NoSuchKeyException e) {
            // already gone
        } catch (S3Exception e) {
            throw new IOException("The object store refused to delete " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            client.headObject(b -> b.bucket(bucket).key(objectName(key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("The object store could not look up " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public URI signedUrl(String key, Duration ttl, URI requestBase) {
        String name = ObjectKeys.fileName(key);
        try {
            return presigner.presignGetObject(p -> p.signatureDuration(ttl).getObjectRequest(g -> g.bucket(bucket)
                    .key(objectName(key)).responseContentDisposition("attachment; filename=\"" + name + "\"")))
                    .url().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("The presigned URL is not a URI", e);
        }
    }

    /** Buffers one part; sends each full part as it fills, completing (or aborting) the upload at the end. */
    private final class MultipartUpload extends ObjectUpload {
        private final String name;
        private final byte[] buffer = new byte[partSize];
        private final List<CompletedPart> parts = new ArrayList<>();
        private int filled;
        private String uploadId;
        private boolean done;

        MultipartUpload(String name) {
            this.name = name;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == buffer.length) {
                    sendPart();
                }
            }
        }

        private void sendPart() throws IOException {
            try {
                if (uploadId == null) {
                    uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(name).contentType("application/zip"))
                            .uploadId();
                }
                int number = parts.size() + 1;
                String etag = client.uploadPart(b -> b.bucket(bucket).key(name).uploadId(uploadId).partNumber(number),
                        RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, filled))).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                filled = 0;
            } catch (S3Exception e) {
                throw new IOException("The object store refused part " + (parts.size() + 1) + " of " + name + ": "
                        + e.getMessage(), e);
            }
        }

        @Override
        public void commit() throws IOException {
            try {
                if (uploadId == null) {
                    client.putObject(b -> b.bucket(bucket).key(name).contentType("application/zip"),
                            RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, filled)));
                } else {
                    if (filled > 0) {
                        sendPart();
                    }
                    client.completeMultipartUpload(b -> b.bucket(bucket).key(name).uploadId(uploadId)
                            .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
                }
                done = true;
            } catch (S3Exception e) {
                throw new IOException("The object store refused to store " + name + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void abort() {
            if (done) {
                return;
            }
            done = true;
            if (uploadId != null) {
                try {
                    client.abortMultipartUpload(b -> b.bucket(bucket).key(name).uploadId(uploadId));
                } catch (S3Exception e) {
                    io.quarkus.logging.Log.warnf("Could not abort the multipart upload of %s: %s", name, e.getMessage());
                }
            }
        }
    }
}
