package io.ferrum.model.ipam;

import io.ferrum.model.common.WireValueConverter;
import jakarta.persistence.Converter;

/** JPA converters storing the IPAM enums as their wire values. */
final class IpamConverters {

    private IpamConverters() {
    }

    @Converter(autoApply = true)
    static class PrefixRoleConverter extends WireValueConverter<PrefixRole> {
        PrefixRoleConverter() {
            super(PrefixRole.class);
        }
    }

    @Converter(autoApply = true)
    static class IpStatusConverter extends WireValueConverter<IpStatus> {
        IpStatusConverter() {
            super(IpStatus.class);
        }
    }
}
