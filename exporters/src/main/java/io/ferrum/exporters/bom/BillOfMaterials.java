package io.ferrum.exporters.bom;

import io.ferrum.model.dcim.NaturalOrder;
import io.ferrum.model.dcim.CableType;
import io.ferrum.model.inventory.CableInfo;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.PortInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to order for a site: devices by type; cables by type, length and colour; optics.
 *
 * <p>Optics are counted per end of every fibre cable (SMF, MMF): each end needs a transceiver matching the
 * port's media and speed. DAC and AOC cables carry their own transceivers and appear only as cables.
 */
public record BillOfMaterials(List<DeviceLine> devices, List<CableLine> cables, List<OpticLine> optics) {

    private static final Set<CableType> NEEDS_OPTICS = EnumSet.of(CableType.SMF, CableType.MMF);
    static final String UNSPECIFIED_MEDIA = "unspecified";

    public static BillOfMaterials of(SiteInventory inventory) {
        return new BillOfMaterials(devices(inventory), cables(inventory), optics(inventory));
    }

    private static List<DeviceLine> devices(SiteInventory inventory) {
        Map<List<String>, List<DeviceInfo>> byType = inventory.devices().stream().collect(Collectors.groupingBy(
                d -> java.util.Arrays.asList(d.manufacturer(), d.model(), d.deviceType()), HashMap::new,
                Collectors.toList()));
        return byType.values().stream()
                .map(group -> {
                    DeviceInfo first = group.get(0);
                    return new DeviceLine(first.manufacturer(), first.model(), first.deviceType(), first.uHeight(),
                            first.typicalPowerW(), group.size());
                })
                .sorted(Comparator.comparing(DeviceLine::manufacturer, NaturalOrder.INSTANCE)
                        .thenComparing(DeviceLine::model, NaturalOrder.INSTANCE)
                        .thenComparing(DeviceLine::deviceType, NaturalOrder.INSTANCE))
                .toList();
    }

    private static List<CableLine> cables(SiteInventory inventory) {
        Map<CableLine, Integer> counts = new HashMap<>();
        for (CableInfo cable : inventory.cables()) {
            BigDecimal length = cable.lengthM() == null ? null : cable.lengthM().stripTrailingZeros();
            counts.merge(new CableLine(cable.type(), length, Objects.toString(cable.colour(), ""), 0), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .map(e -> new CableLine(e.getKey().type(), e.getKey().lengthM(), e.getKey().colour(), e.getValue()))
                .sorted(Comparator.comparing(CableLine::type)
                        .thenComparing(CableLine::lengthM, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(CableLine::colour, NaturalOrder.INSTANCE))
                .toList();
    }

    private static List<OpticLine> optics(SiteInventory inventory) {
        Map<String, DeviceInfo> devices = new HashMap<>();
        inventory.devices().forEach(d -> devices.put(d.hostname(), d));
        Map<OpticLine, Integer> counts = new HashMap<>();
        for (CableInfo cable : inventory.cables()) {
            if (!NEEDS_OPTICS.contains(cable.type())) {
                continue;
            }
            for (CableInfo.CableEnd end : List.of(cable.a(), cable.b())) {
                PortInfo port = port(devices.get(end.device()), end.port());
                String media = port == null || port.media() == null || port.media().isBlank()
                        ? UNSPECIFIED_MEDIA : port.media();
                Integer speed = port == null ? null : port.speedMbps();
                counts.merge(new OpticLine(media, speed, 0), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .map(e -> new OpticLine(e.getKey().media(), e.getKey().speedMbps(), e.getValue()))
                .sorted(Comparator.comparing(OpticLine::media, NaturalOrder.INSTANCE)
                        .thenComparing(OpticLine::speedMbps, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static PortInfo port(DeviceInfo device, String name) {
        if (device == null) {
            return null;
        }
        return device.ports().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
