package dev.kontor.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThisComputerTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "0:0:0:0:0:0:0:1", "[::1]"})
    void a_loopback_address_is_this_computer(String address) {
        assertThat(ThisComputer.isLoopback(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.9", "192.168.1.5", "10.0.0.1", "::ffff:203.0.113.9", "2001:db8::1", "",
            " ", "localhost", "deadbeef", "127.0.0.1.attacker.example", "not an address"})
    void any_other_address_or_a_name_is_not(String address) {
        assertThat(ThisComputer.isLoopback(address)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void no_address_is_not_this_computer() {
        assertThat(ThisComputer.isLoopback(null)).isFalse();
        assertThat(ThisComputer.sent(null)).isFalse();
    }
}
