package dev.kontor.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.VaadinRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @org.junit.jupiter.api.Test
    void a_request_over_loopback_without_a_proxy_header_is_from_this_computer() {
        assertThat(ThisComputer.sent(request("127.0.0.1", null, null))).isTrue();
    }

    /**
     * A proxy on this computer connects over loopback: whichever of the usual headers it names its client in, the
     * request is not from this computer, and the demo mailbox answers as an unknown address (README).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "X-Forwarded-For|203.0.113.9", "Forwarded|for=203.0.113.9;proto=https", "X-Real-IP|203.0.113.9",
            "X-Forwarded-For|127.0.0.1", "X-Real-IP|::1"})
    void a_request_a_proxy_passed_on_is_not_from_this_computer(String header, String value) {
        assertThat(ThisComputer.sent(request("127.0.0.1", header, value))).as(header).isFalse();
    }

    private static VaadinRequest request(String address, String header, String value) {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getRemoteAddr()).thenReturn(address);
        if (header != null) {
            when(request.getHeader(header)).thenReturn(value);
        }
        return request;
    }
}
