package io.ferrum.standards.plan;

import io.ferrum.model.dcim.Port;
import io.ferrum.model.exchange.ConnectionStatus;
import io.ferrum.model.exchange.ExchangeConnection;
import io.ferrum.model.exchange.ExchangeConnectionDraft;
import io.ferrum.model.exchange.ExchangeConnectionRepository;
import io.ferrum.model.exchange.ExchangeService;
import io.ferrum.standards.desired.DesiredSite;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The site's exchange hand-offs, by circuit id; their status (active, killed …) is the operators'. */
@Component
class ExchangeConnectionKind extends KindPlanner<ExchangeConnectionDraft, ExchangeConnection> {

    private final ExchangeConnectionRepository connections;
    private final ExchangeService service;

    ExchangeConnectionKind(ExchangeConnectionRepository connections, ExchangeService service) {
        this.connections = connections;
        this.service = service;
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.EXCHANGE_CONNECTION;
    }

    @Override
    List<ExchangeConnectionDraft> designed(DesiredSite desired) {
        return desired.exchangeConnections();
    }

    @Override
    String key(ExchangeConnectionDraft designed) {
        return designed.circuitId();
    }

    @Override
    Map<String, ExchangeConnection> stored(PlanScope scope, List<ExchangeConnectionDraft> designed,
                                           KindWork<ExchangeConnectionDraft> work) {
        return scope.site() == null ? Map.of()
                : index(connections.findBySiteOrderByCircuitId(scope.site()), ExchangeConnection::getCircuitId);
    }

    @Override
    void compare(ExchangeConnectionDraft designed, ExchangeConnection stored, String key,
                 KindWork<ExchangeConnectionDraft> work, PlanScope scope) {
        ExchangeConnectionDraft current = asDesigned(stored);
        if (stored.getStatus() == ConnectionStatus.KILLED
                && (!current.device().equals(designed.device()) || !current.ports().equals(designed.ports()))) {
            // Moving a killed hand-off would leave its old port an ordinary one and bring the new one up unkilled:
            // traffic to the venue again without a release. Only a four-eyes release lifts a kill.
            work.block(killed(stored) + "; the plan would move it from " + current.device() + " " + current.ports()
                    + " to " + designed.device() + " " + designed.ports() + ". Release the kill first");
            return;
        }
        updateWhenChanged(stored.getId(), current, designed, LIFECYCLE, key, work, null);
    }

    @Override
    void delete(ExchangeConnection stored, String key, KindWork<ExchangeConnectionDraft> work, PlanScope scope) {
        if (stored.getStatus() == ConnectionStatus.KILLED) {
            // Deleting the hand-off would make its ports ordinary ones, enabled by the next config run.
            work.block(killed(stored) + "; the plan would delete it and re-enable "
                    + stored.getDevice().getHostname() + " " + asDesigned(stored).ports() + ". Release the kill first");
            return;
        }
        super.delete(stored, key, work, scope);
    }

    private static String killed(ExchangeConnection c) {
        return "exchange connection " + c.getCircuitId() + " (" + c.getExchange().getCode()
                + ") is killed by the kill switch";
    }

    @Override
    boolean deletes(ExchangeConnection stored, PlanScope scope) {
        return owned(stored.getTags());
    }

    @Override
    void deleteAll(List<Long> ids) {
        ids.forEach(service::delete);
    }

    @Override
    void write(KindWork<ExchangeConnectionDraft> work) {
        work.updates.forEach(u -> service.applyDesign(u.id(), u.design()));
        work.creates.forEach(service::create);
    }

    private static ExchangeConnectionDraft asDesigned(ExchangeConnection c) {
        return new ExchangeConnectionDraft(c.getExchange().getCode(), c.getSite().getCode(),
                c.getDevice().getHostname(), c.getPorts().stream().map(Port::getName).toList(), c.getCircuitId(),
                c.getKillSwitchGroup(), c.getStatus(), c.getDescription(), c.getTags());
    }
}
