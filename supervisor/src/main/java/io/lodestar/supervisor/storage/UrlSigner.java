package io.lodestar.supervisor.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs and checks download URLs of the local store: an HMAC-SHA256 over the object key and the expiry. */
public final class UrlSigner {

    private final byte[] key;

    public UrlSigner(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The URL signing key needs at least 32 bytes");
        }
        this.key = key.clone();
    }

    public String sign(String objectKey, long expiresEpochSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((objectKey + "\n" + expiresEpochSeconds).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Whether the signature is this key's over key and expiry, and the expiry is still ahead of {@code now}. */
    public boolean verify(String objectKey, long expiresEpochSeconds, String signature, Instant now) {
        if (signature == null || now.getEpochSecond() >= expiresEpochSeconds) {
            return false;
        }
        byte[] expected = sign(objectKey, expiresEpochSeconds).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
