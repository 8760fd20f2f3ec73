package io.lodestar.supervisor.storage;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Where snapshot archives live: the local filesystem or an S3-compatible store. Objects are written as
 * streams (never held whole in memory) and read by users through short-lived signed URLs.
 */
public interface ObjectStore {

    /** Starts writing an object; nothing is visible under the key until {@link ObjectUpload#commit()}. */
    ObjectUpload create(String key) throws IOException;

    /** Deletes the object; deleting one that is not there is not an error. */
    void delete(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /**
     * A URL that downloads the object without an API key until {@code ttl} has passed.
     *
     * @param requestBase the address the caller reached the Supervisor on, for stores the Supervisor serves itself
     */
    URI signedUrl(String key, Duration ttl, URI requestBase);
}
