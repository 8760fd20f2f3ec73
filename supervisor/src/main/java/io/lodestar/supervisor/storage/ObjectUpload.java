package io.lodestar.supervisor.storage;

import java.io.IOException;
import java.io.OutputStream;

/** An object being written: bytes go to {@link #write}, then it is committed (made visible) or aborted. */
public abstract class ObjectUpload extends OutputStream {

    /** Makes the object visible under its key; afterwards the upload is closed. */
    public abstract void commit() throws IOException;

    /** Drops whatever was written; safe to call more than once and after a failure. */
    public abstract void abort();

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public abstract void write(byte[] bytes, int offset, int length) throws IOException;
}
