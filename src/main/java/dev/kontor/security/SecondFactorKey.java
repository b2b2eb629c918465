package dev.kontor.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that keeps authenticator secrets unreadable in the database (AES-256-GCM, each secret bound to its owner's
 * user id, so that a secret copied to another person's row does not decrypt) and signs the remember-this-browser
 * cookies. It comes from {@code kontor.second-factor.key} (32 random bytes, Base64); only the demo and test profiles
 * carry one. Without it Kontor refuses to start rather than store secrets under a key everybody knows.
 */
@Component
class SecondFactorKey {

    static final String PROPERTY = "kontor.second-factor.key";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryption;
    private final SecretKeySpec signing;

    SecondFactorKey(@Value("${" + PROPERTY + ":}") String configured) {
        byte[] key = decode(configured);
        this.encryption = new SecretKeySpec(key, "AES");
        // a key of its own for the cookie signatures, derived so that one property is enough
        this.signing = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), "kontor remembered browser"),
                "HmacSHA256");
    }

    private static byte[] decode(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException(PROPERTY + " is not set. Kontor encrypts authenticator secrets with it: "
                    + "give it 32 random bytes in Base64 (for example the output of `openssl rand -base64 32`), "
                    + "e.g. as the environment variable KONTOR_SECOND_FACTOR_KEY. Keep it; without the same key the "
                    + "stored authenticators cannot be read.");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " is not valid Base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException(PROPERTY + " must be 32 bytes (Base64 of 32 random bytes), not "
                    + key.length);
        }
        return key;
    }

    String encrypt(String secret, long userId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(owner(userId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    String decrypt(String stored, long userId) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(owner(userId));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("An authenticator secret does not decrypt with "
                    + PROPERTY + ": was the key changed?", e);
        }
    }

    /** The signature of a remember-this-browser token for its owner, hex. */
    String sign(String token, long userId) {
        return java.util.HexFormat.of().formatHex(hmac(signing, userId + ":" + token));
    }

    boolean verify(String token, long userId, String signature) {
        return MessageDigest.isEqual(sign(token, userId).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] owner(long userId) {
        return ByteBuffer.allocate(Long.BYTES).putLong(userId).array();
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
