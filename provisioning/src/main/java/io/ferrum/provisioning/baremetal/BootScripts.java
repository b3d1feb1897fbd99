package io.ferrum.provisioning.baremetal;

/**
 * The iPXE scripts Ferrum answers a network-booting server with. DHCP points iPXE at {@code /boot/ipxe}, which
 * chains to the per-MAC script: the deploy agent while a deploy waits for it, otherwise the local disk.
 */
public final class BootScripts {

    private BootScripts() {
    }

    /** Asks again with the booting NIC's MAC (iPXE expands {@code ${net0/mac}}). */
    public static String chain(String baseUrl) {
        return "#!ipxe\nchain " + baseUrl + "/boot/ipxe?mac=${net0/mac}\n";
    }

    /** Boots the deploy agent with its one-time token. */
    public static String agent(String baseUrl, String hostname, String mac, String token) {
        return "#!ipxe\necho Ferrum: " + hostname + " boots the deploy agent\n"
                + "kernel " + baseUrl + "/boot/agent/vmlinuz console=ttyS0 quiet ferrum.url=" + baseUrl
                + " ferrum.token=" + token + " ferrum.mac=" + mac + "\n"
                + "initrd " + baseUrl + "/boot/agent/initrd.img\n"
                + "boot\n";
    }

    /**
     * Boots the first local disk; if iPXE cannot, it exits so the firmware tries its next boot device (the disk
     * on a machine whose boot order is network first).
     */
    public static String localDisk(String hostname, String why) {
        return "#!ipxe\necho Ferrum: " + hostname + " boots from its local disk (" + why + ")\n"
                + "sanboot --no-describe --drive 0x80 || exit\n";
    }

    /** A MAC Ferrum does not know: leave the machine to its next boot device. */
    public static String unknown(String mac) {
        return "#!ipxe\necho Ferrum: no server has MAC " + mac + "; trying the next boot device\nexit\n";
    }
}
