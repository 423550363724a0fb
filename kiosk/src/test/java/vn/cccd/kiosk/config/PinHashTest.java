package vn.cccd.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PinHashTest {
    @Test
    void matchesOnlyTheRightPin() {
        PinHash h = PinHash.create("482915", 10_000);
        assertThat(h.matches("482915")).isTrue();
        assertThat(h.matches("482916")).isFalse();
        assertThat(h.matches("")).isFalse();
        assertThat(h.matches(null)).isFalse();
    }

    @Test
    void survivesTheRoundTripThroughTheConfiguration() {
        PinHash h = PinHash.create("7777", 12_000);
        String stored = h.encoded();
        assertThat(stored).startsWith("pbkdf2-sha256$12000$");
        assertThat(PinHash.parse(stored).matches("7777")).isTrue();
        assertThat(h.toString()).doesNotContain(stored.substring(stored.lastIndexOf('$') + 1));
    }

    @Test
    void twoHashesOfOnePinDiffer() {
        assertThat(PinHash.create("1234", 10_000).encoded()).isNotEqualTo(PinHash.create("1234", 10_000).encoded());
    }

    @Test
    void refusesWhatIsNotAHash() {
        assertThatThrownBy(() -> PinHash.parse("1234")).hasMessageContaining("pbkdf2-sha256$");
        assertThatThrownBy(() -> PinHash.parse("pbkdf2-sha256$10$AAAAAAAAAAA=$AAAA")).hasMessageContaining("iteration");
        assertThatThrownBy(() -> PinHash.parse("pbkdf2-sha256$20000$!!$AAAA")).hasMessageContaining("Base64");
        assertThatThrownBy(() -> PinHash.parse("pbkdf2-sha256$20000$AAAAAAAAAAA=$AAAA")).hasMessageContaining("32 bytes");
    }
}
