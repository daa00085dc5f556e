package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressTextTest {

    @Test
    void ipv6IsWrittenInTheShortFormOfRfc5952() throws Exception {
        assertThat(text("2001:db8:0:0:0:0:0:25")).isEqualTo("2001:db8::25");
        assertThat(text("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(text("::")).isEqualTo("::");
        assertThat(text("2001:db8:0:0:1:0:0:0")).isEqualTo("2001:db8:0:0:1::");   // the longest run
        assertThat(text("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");  // the first of equal runs
        assertThat(text("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1"); // one zero group stays
        assertThat(text("2001:DB8::ABCD")).isEqualTo("2001:db8::abcd");
    }

    @Test
    void ipv4IsDotted() throws Exception {
        assertThat(text("127.0.1.25")).isEqualTo("127.0.1.25");
    }

    private static String text(String literal) throws Exception {
        return AddressText.of(InetAddress.getByName(literal));
    }
}
