package io.ferrum.assurance.observe;

/** One LLDP neighbour: on our {@code port}, the far end says it is {@code remoteSysName}, port {@code remotePort}. */
public record NeighbourObservation(String port, String remoteSysName, String remotePort) {

    public String farEnd() {
        return remoteSysName + ":" + remotePort;
    }
}
