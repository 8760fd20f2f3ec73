package io.lodestar.warden.metrics;

import io.lodestar.protocol.v1.CertificateExpiry;
import io.lodestar.warden.runtime.ConfigFileReport.CertificateFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * When each certificate file the Warden knows of expires, for the heartbeat; the Supervisor turns one that
 * expires soon into a {@code certificate.expiring} event. A file is parsed again only when its size or
 * modification time changed, so a heartbeat costs a {@code stat} per file.
 */
public final class CertificateExpiries {

    private final Supplier<List<CertificateFile>> files;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long size, long modifiedMillis, CertificateExpiry expiry) {
    }

    /** @param files the files to watch, asked for on each reading (a config edit can name new ones) */
    public CertificateExpiries(Supplier<List<CertificateFile>> files) {
        this.files = files;
    }

    public List<CertificateExpiry> read() {
        List<CertificateExpiry> expiries = new ArrayList<>();
        for (CertificateFile file : files.get()) {
            expiries.add(read(file));
        }
        expiries.sort(Comparator.comparing(CertificateExpiry::getKey));
        return expiries;
    }

    private CertificateExpiry read(CertificateFile file) {
        CertificateExpiry.Builder expiry = CertificateExpiry.newBuilder().setKey(file.key()).setPath(file.path().toString());
        String name = file.path().getFileName() == null ? "" : file.path().getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            return expiry.setUnread("a PKCS#12 bundle, not read (it needs its password)").build();
        }
        try {
            long size = Files.size(file.path());
            long modified = Files.getLastModifiedTime(file.path()).toMillis();
            Cached known = cache.get(file.path());
            if (known != null && known.size() == size && known.modifiedMillis() == modified
                    && known.expiry().getKey().equals(file.key())) {
                return known.expiry();
            }
            CertificateExpiry fresh = soonest(Files.readAllBytes(file.path()), expiry);
            cache.put(file.path(), new Cached(size, modified, fresh));
            return fresh;
        } catch (NoSuchFileException e) {
            cache.remove(file.path());
            return expiry.setUnread("the file does not exist").build();
        } catch (IOException e) {
            cache.remove(file.path());
            return expiry.setUnread("the file cannot be read: " + e.getMessage()).build();
        }
    }

    /** The certificate of the file that expires first: in a CA bundle or a chain, that one breaks the file. */
    private static CertificateExpiry soonest(byte[] pem, CertificateExpiry.Builder expiry) {
        try {
            X509Certificate first = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))
                    .stream().map(X509Certificate.class::cast).min(Comparator.comparing(X509Certificate::getNotAfter))
                    .orElse(null);
            if (first == null) {
                return expiry.setUnread("no certificate in the file").build();
            }
            return expiry.setNotAfterMs(first.getNotAfter().getTime()).setSubject(first.getSubjectX500Principal().getName()).build();
        } catch (CertificateException e) {
            return expiry.setUnread("not a certificate (PEM or DER X.509): " + e.getMessage()).build();
        }
    }
}
