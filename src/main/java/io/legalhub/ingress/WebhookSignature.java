package io.legalhub.ingress;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over the exact raw body, hex- or base64-encoded as each system sends it. */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of a hex signature; accepts an optional "sha256=" prefix and either hex case. */
    public static boolean matches(String secret, byte[] body, String presented) {
        return matches(secret, body, presented, "hex");
    }

    /** As {@link #matches(String, byte[], String)} for a {@code hex} or {@code base64} encoded signature. */
    public static boolean matches(String secret, byte[] body, String presented, String encoding) {
        if ("base64".equalsIgnoreCase(encoding)) {
            if (presented == null || presented.isBlank()) {
                return false;
            }
            String given = presented.trim().replaceFirst("(?i)^sha256=", "");
            byte[] expected;
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                expected = java.util.Base64.getEncoder().encode(mac.doFinal(body));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
            return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
        }
        return matchesHex(secret, body, presented);
    }

    private static boolean matchesHex(String secret, byte[] body, String presented) {
        if (presented == null || presented.isBlank()) {
            return false;
        }
        String given = presented.trim();
        if (given.regionMatches(true, 0, "sha256=", 0, 7)) {
            given = given.substring(7);
        }
        byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
