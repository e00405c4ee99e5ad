package io.legalhub.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** The expiry the hub asks Clio for is always a full date-time with seconds, in UTC. */
class SubscriptionExpiryTextTest {

    @Test
    void aFullMinuteStillCarriesItsSeconds() {
        assertThat(SubscriptionKeeper.expiryText(OffsetDateTime.parse("2027-01-02T18:44:00Z"))).isEqualTo("2027-01-02T18:44:00Z");
    }

    @Test
    void fractionsAreDroppedAndOtherOffsetsBecomeUtc() {
        assertThat(SubscriptionKeeper.expiryText(OffsetDateTime.parse("2027-01-02T19:44:05.123+01:00"))).isEqualTo("2027-01-02T18:44:05Z");
    }
}
