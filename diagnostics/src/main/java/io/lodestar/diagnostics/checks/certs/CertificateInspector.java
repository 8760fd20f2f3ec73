package io.lodestar.diagnostics.checks.certs;

import io.lodestar.diagnostics.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Judges a certificate file: expiry, validity start, SAN coverage of the host, and whether a key file matches. */
final class CertificateInspector {

    static final Duration WARN_BEFORE_EXPIRY = Duration.ofDays(30);

    private CertificateInspector() {
    }

    static List<X509Certificate> parse(byte[] pem) throws CertificateException {
        Collection<? extends java.security.cert.Certificate> certs =
                CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
        return certs.stream().map(X509Certificate.class::cast).toList();
    }

    /** Judges the leaf (first) certificate of a file; {@code keyFile} may be null. */
    static CertificateVerdict inspect(Path certFile, Path keyFile, Instant now, String hostname) {
        String source = certFile.toString();
        if (!Files.isReadable(certFile)) {
            return new CertificateVerdict(source, Status.FAIL, "configured but missing or unreadable");
        }
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pfx") || lower.endsWith(".p12")) {
            return new CertificateVerdict(source, Status.INFO, "PKCS#12 bundle, not inspected (needs its password)");
        }
        try {
            List<X509Certificate> chain = parse(Files.readAllBytes(certFile));
            if (chain.isEmpty()) {
                return new CertificateVerdict(source, Status.FAIL, "no certificate in file");
            }
            X509Certificate leaf = chain.get(0);
            List<String> notes = new ArrayList<>();
            Status status = judgeValidity(leaf, now, notes);
            if (!coversHost(leaf, hostname)) {
                status = Status.worst(status, Status.WARN);
                notes.add("SAN does not cover " + hostname);
            }
            if (keyFile != null) {
                Optional<Boolean> matches = keyMatches(leaf, keyFile);
                if (matches.isPresent() && !matches.get()) {
                    status = Status.FAIL;
                    notes.add("private key " + keyFile + " does NOT match");
                } else {
                    notes.add(matches.isPresent() ? "key matches" : "key not compared (not a PKCS#8 PEM file)");
                }
            }
            return new CertificateVerdict(source, status, String.join(", ", notes));
        } catch (IOException | CertificateException e) {
            return new CertificateVerdict(source, Status.FAIL, "cannot be parsed: " + e.getMessage());
        }
    }

    static Status judgeValidity(X509Certificate cert, Instant now, List<String> notes) {
        Instant notAfter = cert.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            notes.add("EXPIRED on " + notAfter);
            return Status.FAIL;
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            notes.add("not valid before " + cert.getNotBefore().toInstant());
            return Status.FAIL;
        }
        long days = Duration.between(now, notAfter).toDays();
        notes.add("expires " + notAfter + " (in " + days + " days)");
        return Duration.between(now, notAfter).compareTo(WARN_BEFORE_EXPIRY) < 0 ? Status.WARN : Status.PASS;
    }

    static boolean coversHost(X509Certificate cert, String hostname) {
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans == null) {
                return false;
            }
            String host = hostname.toLowerCase(Locale.ROOT);
            for (List<?> san : sans) {
                String name = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
                String wildcardSuffix = name.startsWith("*.") ? name.substring(1) : null;
                boolean wildcardMatch = wildcardSuffix != null && host.endsWith(wildcardSuffix)
                        && host.indexOf('.') == host.length() - wildcardSuffix.length(); // one label only
                if (name.equals(host) || wildcardMatch) {
                    return true;
                }
            }
            return false;
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /** Signs with the key and verifies with the certificate; empty when the key format is not PKCS#8 PEM. */
    static Optional<Boolean> keyMatches(X509Certificate cert, Path keyFile) throws IOException {
        String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < 0) {
            return Optional.empty();
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        try {
            String algorithm = cert.getPublicKey().getAlgorithm();
            PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            String signing = switch (algorithm) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSA";
                default -> algorithm; // Ed25519, Ed448
            };
            byte[] probe = "lodestar key match".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(signing);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(signing);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return Optional.of(verifier.verify(signature));
        } catch (GeneralSecurityException e) {
            return Optional.of(false); // a key of another algorithm cannot belong to this certificate
        }
    }
}
