package dev.mtasts.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(6), now::get);

    @Test
    void aClientMayStartItsBurstThenWaitsForTheNextToken() {
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).hasValue(Duration.ofSeconds(6));
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(limiter.acquire("a")).hasValue(Duration.ofSeconds(2));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isPresent();
    }

    @Test
    void clientsHaveTheirOwnBucketsAndAnIdleOneFillsOnlyToItsBurst() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        assertThat(limiter.acquire("b")).isEmpty();
        now.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a")).isEmpty();
        }
        assertThat(limiter.acquire("a")).isPresent();
    }

    @Test
    void aRetryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(ApiException.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(ApiException.seconds(Duration.ofMillis(5001))).isEqualTo(6);
        assertThat(ApiException.seconds(Duration.ZERO)).isEqualTo(1);
    }

    @Test
    void anIpv6ClientIsItsSlash64AndAnIpv4ClientItsAddress() {
        assertThat(ClientKey.of(new InetSocketAddress("2001:db8:1:2:3:4:5:6", 1)))
                .isEqualTo(ClientKey.of(new InetSocketAddress("2001:db8:1:2:ffff::1", 2)))
                .isNotEqualTo(ClientKey.of(new InetSocketAddress("2001:db8:1:3::1", 2)));
        assertThat(ClientKey.of(new InetSocketAddress("127.0.0.1", 5))).isEqualTo("127.0.0.1");
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThatThrownBy(() -> new RateLimiter(0, Duration.ofSeconds(1), now::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, Duration.ZERO, now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
