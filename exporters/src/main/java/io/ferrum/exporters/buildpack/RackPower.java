package io.ferrum.exporters.buildpack;

import io.ferrum.model.dcim.NaturalOrder;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.RackInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.Comparator;
import java.util.List;

/** A rack's power draw against its budget, so installers see before power-on which racks need care. */
public record RackPower(String rack, int devices, int typicalW, int maxW, int budgetW) {

    public static List<RackPower> of(SiteInventory inventory) {
        return inventory.racks().stream()
                .sorted(Comparator.comparing(RackInfo::name, NaturalOrder.INSTANCE))
                .map(rack -> {
                    List<DeviceInfo> devices = inventory.devicesIn(rack.name());
                    return new RackPower(rack.name(), devices.size(),
                            devices.stream().mapToInt(DeviceInfo::typicalPowerW).sum(),
                            devices.stream().mapToInt(DeviceInfo::maxPowerW).sum(), rack.powerBudgetW());
                })
                .toList();
    }

    /** A budget of 0 means "not set" and is never exceeded. */
    public boolean overBudget() {
        return budgetW > 0 && maxW > budgetW;
    }

    List<String> cells() {
        String check = budgetW <= 0 ? "no budget set"
                : typicalW > budgetW ? "OVER (typical)" : overBudget() ? "over at max load" : "ok";
        return List.of(rack, Integer.toString(devices), Integer.toString(typicalW), Integer.toString(maxW),
                Integer.toString(budgetW), check);
    }
}
