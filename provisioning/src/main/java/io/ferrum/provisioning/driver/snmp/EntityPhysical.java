package io.ferrum.provisioning.driver.snmp;

/** One ENTITY-MIB entPhysicalTable row; {@code entityClass} 3 is chassis (RFC 6933 PhysicalClass). */
public record EntityPhysical(int index, String description, int entityClass, String name, String serial) {

    public static final int CHASSIS = 3;
}
