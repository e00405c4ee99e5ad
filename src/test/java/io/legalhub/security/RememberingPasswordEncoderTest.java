package io.legalhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTest {

    private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final AtomicInteger hashChecks = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final PasswordEncoder counted = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(counted, Duration.ofMinutes(5), 100, nanos::get);
    private final String hash = bcrypt.encode("s3cret");

    @Test
    void aPasswordThatMatchedIsNotCheckedAgainstItsHashOnTheNextRequests() {
        assertThat(encoder.matches("s3cret", hash)).isTrue();
        assertThat(encoder.matches("s3cret", hash)).isTrue();
        assertThat(encoder.matches("s3cret", hash)).isTrue();

        assertThat(hashChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsRefusedEveryTimeAndPaysTheFullCheckEachTime() {
        encoder.matches("s3cret", hash);

        assertThat(encoder.matches("guess", hash)).isFalse();
        assertThat(encoder.matches("guess", hash)).isFalse();

        assertThat(hashChecks).hasValue(3);
    }

    @Test
    void theSamePasswordAgainstAnotherHashIsCheckedAgain() {
        String otherUsersHash = bcrypt.encode("different");
        encoder.matches("s3cret", hash);

        assertThat(encoder.matches("s3cret", otherUsersHash)).isFalse();
        assertThat(hashChecks).hasValue(2);
    }

    @Test
    void aRememberedMatchExpiresAndIsCheckedAgain() {
        encoder.matches("s3cret", hash);
        nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());

        assertThat(encoder.matches("s3cret", hash)).isTrue();
        assertThat(hashChecks).hasValue(2);
    }
}
