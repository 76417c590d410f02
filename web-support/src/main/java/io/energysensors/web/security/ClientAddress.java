package io.energysensors.web.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request comes from, as the servlet container reports it (behind a trusted proxy: the client). */
final class ClientAddress {

    private ClientAddress() {}

    static boolean isLoopback(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null || address.isEmpty() || !isLiteral(address)) {
            return false;
        }
        try {
            // A literal address is parsed, never looked up.
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Digits and dots, or hex digits and colons: a name (from a forwarded header, say) is never resolved. */
    private static boolean isLiteral(String address) {
        boolean ipv6 = address.indexOf(':') >= 0;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean allowed = c == '.' || Character.digit(c, ipv6 ? 16 : 10) >= 0 || (ipv6 && c == ':');
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
