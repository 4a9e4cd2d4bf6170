package dev.layerlens.cli.it;

import static dev.layerlens.cli.it.Prerequisites.need;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** Addresses of this machine the tests can listen on. */
final class RegistryAddresses {
    private RegistryAddresses() {
    }

    /** An IPv4 address of this machine that is not loopback: a registry there is not trusted with plain HTTP. */
    static String nonLoopbackIpv4() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: the need below says so
        }
        need(false, "this machine has no IPv4 address besides loopback");
        return null;
    }
}
