package io.legalhub.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic checks the password on every request, and a bcrypt check costs tens of CPU milliseconds by design: a
 * monitoring scraper or a script polling the API would spend more of the hub's CPU than the records it moves. This
 * remembers, for a while, that a password matched its stored hash. What it keeps is an HMAC (a per-process random
 * key) of the password and the hash, never the password; a failed check is never remembered, so a wrong password
 * always pays the full cost; a changed hash is a different entry.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder delegate;
    private final Cache<String, Boolean> matched;
    private final SecretKeySpec key;

    RememberingPasswordEncoder(PasswordEncoder delegate, Duration remember, int maximumEntries, Ticker ticker) {
        this.delegate = delegate;
        this.matched = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(maximumEntries).ticker(ticker).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = fingerprint(rawPassword, encodedPassword);
        if (matched.getIfPresent(entry) != null) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            matched.put(entry, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
