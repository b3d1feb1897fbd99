package io.ferrum.api.plans;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.Exports;
import io.ferrum.exporters.workorder.WorkOrder;
import io.ferrum.exporters.workorder.WorkOrderRenderer;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.dcim.SiteRepository;
import io.ferrum.model.inventory.SiteInventory;
import io.ferrum.model.inventory.SiteInventoryLoader;
import io.ferrum.standards.plan.Plan;
import io.ferrum.standards.plan.SitePlanning;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work order of a plan: what engineers must rack, patch, move or remove if it is applied. The plan is applied in
 * a transaction that is always rolled back, so the "after" side is exactly what apply would store.
 */
@Service
class PlanWorkOrders {

    private final SitePlanning planning;
    private final SiteInventoryLoader loader;
    private final SiteRepository sites;
    private final TransactionTemplate transactions;
    private final Exports exports = Exports.builtIn();

    PlanWorkOrders(SitePlanning planning, SiteInventoryLoader loader, SiteRepository sites,
                   TransactionTemplate transactions) {
        this.planning = planning;
        this.loader = loader;
        this.sites = sites;
        this.transactions = transactions;
    }

    record Rendered(String contentType, String fileName, byte[] body) {
    }

    Rendered render(PlanStore.StoredPlan stored, String format) {
        String kind = "work-order-" + format;
        Export export = exports.find(kind).filter(e -> e instanceof WorkOrderRenderer)
                .orElseThrow(() -> IntentException.invalid("format", "expected pdf or csv"));
        WorkOrder order = transactions.execute(status -> {
            status.setRollbackOnly();
            String site = stored.plan().site();
            SiteInventory before = sites.findByCode(site).isPresent() ? loader.load(site) : null;
            Plan applied = planning.apply(stored.fileName(), stored.definition(), stored.options(), stored.plan().id());
            SiteInventory after = loader.load(applied.site());
            return before == null ? WorkOrder.fromScratch(after) : WorkOrder.between(before, after);
        });
        ExportOptions options = ExportOptions.defaults();
        return new Rendered(export.contentType(), export.fileName(order.after(), options),
                ((WorkOrderRenderer) export).render(order, options));
    }
}
