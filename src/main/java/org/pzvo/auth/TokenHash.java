// SPDX-License-Identifier: BSD-3-Clause
package org.pzvo.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The stored form of a token secret: {@code pbkdf2-sha256:ITERATIONS:SALT:HASH} (PBKDF2 with
 * HMAC-SHA-256, RFC 8018 §5.2; salt and hash in unpadded base64url). The server keeps only
 * this, so a leaked tokens file reveals no usable token. Comparison is constant-time.
 */
public final class TokenHash {
    /** Iterations for new hashes: a few milliseconds per check, which the verified-token cache absorbs. */
    public static final int DEFAULT_ITERATIONS = 20_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private TokenHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes {@code secret} with a fresh random salt. */
    public static TokenHash create(String secret, SecureRandom random, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new TokenHash(iterations, salt, derive(secret, salt, iterations));
    }

    /**
     * Parses the stored form.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static TokenHash parse(String stored) {
        String[] parts = stored.split(":", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("expected " + SCHEME + ":ITERATIONS:SALT:HASH, actual '" + stored + "'");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            iterations = -1;
        }
        if (iterations < 1000 || iterations > 10_000_000) {
            throw new IllegalArgumentException("expected 1000 to 10000000 iterations, actual '" + parts[1] + "'");
        }
        try {
            byte[] salt = B64D.decode(parts[2]);
            byte[] hash = B64D.decode(parts[3]);
            if (salt.length < 8 || hash.length != HASH_BITS / 8) {
                throw new IllegalArgumentException("expected a salt of at least 8 bytes and a 32-byte hash");
            }
            return new TokenHash(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad base64url salt or hash in '" + stored + "': " + e.getMessage());
        }
    }

    /** Whether {@code secret} is the secret this hash was made from (constant time). */
    public boolean matches(String secret) {
        return MessageDigest.isEqual(hash, derive(secret, salt, iterations));
    }

    /** The stored form. */
    @Override
    public String toString() {
        return SCHEME + ":" + iterations + ":" + B64.encodeToString(salt) + ":" + B64.encodeToString(hash);
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime provides PBKDF2WithHmacSHA256 (JCA standard names).
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }
}
