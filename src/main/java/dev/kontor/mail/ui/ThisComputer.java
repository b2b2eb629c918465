package dev.kontor.mail.ui;

import com.vaadin.flow.server.VaadinRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a request comes from the computer Kontor runs on: the connection's peer is a loopback address and no proxy
 * header names another client. A proxy on the same computer that forwards requests from elsewhere adds such a header
 * ({@code Forwarded} or {@code X-Forwarded-For}), so its requests don't count as local either.
 */
final class ThisComputer {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|\\[?[0-9a-fA-F.]*:[0-9a-fA-F:.]*]?");

    private static final List<String> PROXY_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

    private ThisComputer() {
    }

    static boolean sent(VaadinRequest request) {
        if (request == null) {
            return false;
        }
        for (String header : PROXY_HEADERS) {
            if (request.getHeader(header) != null) {
                return false;
            }
        }
        return isLoopback(request.getRemoteAddr());
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String literal = address.strip();
        // an IP literal only (never looked up): a host name would be resolved, and a resolved name proves nothing
        if (!IP_LITERAL.matcher(literal).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
