package io.ferrum.model.dcim;

import io.ferrum.model.common.WireValueConverter;
import jakarta.persistence.Converter;

/** JPA converters storing the DCIM enums as their wire values. */
final class DcimConverters {

    private DcimConverters() {
    }

    @Converter(autoApply = true)
    static class SiteStatusConverter extends WireValueConverter<SiteStatus> {
        SiteStatusConverter() {
            super(SiteStatus.class);
        }
    }

    @Converter(autoApply = true)
    static class DeviceRoleConverter extends WireValueConverter<DeviceRole> {
        DeviceRoleConverter() {
            super(DeviceRole.class);
        }
    }

    @Converter(autoApply = true)
    static class DeviceStatusConverter extends WireValueConverter<DeviceStatus> {
        DeviceStatusConverter() {
            super(DeviceStatus.class);
        }
    }

    @Converter(autoApply = true)
    static class RackFaceConverter extends WireValueConverter<RackFace> {
        RackFaceConverter() {
            super(RackFace.class);
        }
    }

    @Converter(autoApply = true)
    static class PortKindConverter extends WireValueConverter<PortKind> {
        PortKindConverter() {
            super(PortKind.class);
        }
    }

    @Converter(autoApply = true)
    static class CableTypeConverter extends WireValueConverter<CableType> {
        CableTypeConverter() {
            super(CableType.class);
        }
    }

    @Converter(autoApply = true)
    static class CableStatusConverter extends WireValueConverter<CableStatus> {
        CableStatusConverter() {
            super(CableStatus.class);
        }
    }
}
