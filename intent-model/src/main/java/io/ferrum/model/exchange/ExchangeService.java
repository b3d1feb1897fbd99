package io.ferrum.model.exchange;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.Problems;
import io.ferrum.model.common.StatusTransitions;
import io.ferrum.model.common.WireValue;
import io.ferrum.model.common.Tags;
import io.ferrum.model.common.TransactionLocks;
import io.ferrum.model.dcim.DcimLookup;
import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.Port;
import io.ferrum.model.dcim.Site;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Exchanges and our connections to them; the kill switch reads these. */
@Service
@Transactional
public class ExchangeService {

    private final ExchangeRepository exchanges;
    private final ExchangeConnectionRepository connections;
    private final DcimLookup dcim;
    private final TransactionLocks locks;

    public ExchangeService(ExchangeRepository exchanges, ExchangeConnectionRepository connections, DcimLookup dcim,
                           TransactionLocks locks) {
        this.exchanges = exchanges;
        this.connections = connections;
        this.dcim = dcim;
        this.locks = locks;
    }

    public Exchange createExchange(String code, String name) {
        validateExchange(code, name);
        exchanges.findByCode(code).ifPresent(e -> {
            throw IntentException.conflict("code", "exchange " + code + " already exists");
        });
        return exchanges.save(new Exchange(code, name));
    }

    /**
     * The exchange by code, created when new and left as it is when known: how site plans share exchanges. Two
     * applies bringing the same new exchange at once get one row: a code lock makes the later wait for the first
     * to commit and find its row, instead of failing on the unique code.
     */
    public Exchange createExchangeIfAbsent(String code, String name) {
        validateExchange(code, name);
        return exchanges.findByCode(code).orElseGet(() -> {
            locks.lock("exchange:" + code);
            return exchanges.findByCode(code).orElseGet(() -> exchanges.save(new Exchange(code, name)));
        });
    }

    private static void validateExchange(String code, String name) {
        new Problems().check(code != null && code.matches("^[A-Z0-9]{2,12}$"), "code",
                        "expected an uppercase market identifier such as XNAS")
                .check(name != null && !name.isBlank(), "name", "is required").throwIfAny();
    }

    public void deleteExchange(long id) {
        Exchange exchange = exchanges.findById(id)
                .orElseThrow(() -> IntentException.notFound("id", "no exchange with id " + id));
        if (connections.existsByExchange(exchange)) {
            throw IntentException.conflict("id", "exchange " + exchange.getCode() + " still has connections");
        }
        exchanges.delete(exchange);
    }

    public ExchangeConnection create(ExchangeConnectionDraft draft) {
        validate(draft);
        Exchange exchange = exchange(draft.exchange());
        Site site = dcim.site(draft.site(), "site");
        Device device = device(site, draft.device());
        connections.findByCircuitId(draft.circuitId()).ifPresent(c -> {
            throw IntentException.conflict("circuitId", "circuit " + draft.circuitId() + " already exists");
        });
        ExchangeConnection connection = new ExchangeConnection(exchange, site, device, draft.circuitId(),
                draft.killSwitchGroup());
        apply(connection, device, draft, -1);
        return connections.save(connection);
    }

    /** Changes a connection; a change of status must be a move its current status allows. */
    public ExchangeConnection update(long id, ExchangeConnectionDraft draft) {
        ExchangeConnection connection = get(id);
        validate(draft);
        checkMove(connection, draft.status() == null ? ConnectionStatus.PLANNED : draft.status(), false);
        if (!connection.getExchange().getCode().equals(draft.exchange())
                || !connection.getSite().getCode().equals(draft.site())) {
            throw IntentException.invalid("exchange", "a connection's exchange and site cannot change");
        }
        if (!connection.getCircuitId().equals(draft.circuitId())) {
            connections.findByCircuitId(draft.circuitId()).ifPresent(c -> {
                throw IntentException.conflict("circuitId", "circuit " + draft.circuitId() + " already exists");
            });
            connection.setCircuitId(draft.circuitId());
        }
        Device device = device(connection.getSite(), draft.device());
        connection.setDevice(device);
        connection.setKillSwitchGroup(draft.killSwitchGroup());
        apply(connection, device, draft, id);
        return connection;
    }

    /** Applies a standard's design: every designed attribute, leaving the status (active, killed …) as it is. */
    public ExchangeConnection applyDesign(long id, ExchangeConnectionDraft design) {
        return update(id, design.withStatus(get(id).getStatus()));
    }

    /**
     * Moves a connection along its lifecycle ({@link ConnectionStatus#next()}), e.g. active once the venue confirms.
     * Killing and releasing are the kill switch's alone ({@link #kill}, {@link #release}).
     */
    public ExchangeConnection changeStatus(long id, ConnectionStatus status) {
        ExchangeConnection connection = get(id);
        if (status == null) {
            throw IntentException.invalid("status", "is required: expected one of "
                    + WireValue.allowed(ConnectionStatus.class));
        }
        return move(connection, status, false);
    }

    /** The kill switch took this connection down: it stays killed, whatever a plan or an edit says, until released. */
    public ExchangeConnection kill(long id) {
        return move(get(id), ConnectionStatus.KILLED, true);
    }

    /** The kill switch released this connection: it carries traffic again. */
    public ExchangeConnection release(long id) {
        ExchangeConnection connection = get(id);
        if (connection.getStatus() != ConnectionStatus.KILLED) {
            throw IntentException.conflict("status", "exchange connection " + connection.getCircuitId() + " is "
                    + connection.getStatus().wire() + ", not killed; there is nothing to release");
        }
        return move(connection, ConnectionStatus.ACTIVE, true);
    }

    private static ExchangeConnection move(ExchangeConnection connection, ConnectionStatus status,
                                           boolean byKillSwitch) {
        checkMove(connection, status, byKillSwitch);
        connection.setStatus(status);
        return connection;
    }

    private static void checkMove(ExchangeConnection connection, ConnectionStatus to, boolean byKillSwitch) {
        ConnectionStatus from = connection.getStatus();
        if (!byKillSwitch && to != from && (to == ConnectionStatus.KILLED || from == ConnectionStatus.KILLED)) {
            throw IntentException.conflict("status", "exchange connection " + connection.getCircuitId() + " is "
                    + from.wire() + "; only the kill switch engages or releases a kill");
        }
        StatusTransitions.check("exchange connection " + connection.getCircuitId(), connection.getStatus(), to,
                connection.getStatus().next());
    }

    public void delete(long id) {
        ExchangeConnection connection = get(id);
        connections.delete(connection);
    }

    @Transactional(readOnly = true)
    public ExchangeConnection get(long id) {
        return connections.findById(id)
                .orElseThrow(() -> IntentException.notFound("id", "no exchange connection with id " + id));
    }

    private Exchange exchange(String code) {
        return exchanges.findByCode(code)
                .orElseThrow(() -> IntentException.invalid("exchange", "exchange '" + code + "' does not exist"));
    }

    private Device device(Site site, String hostname) {
        Device device = dcim.device(hostname, "device");
        if (!device.getSite().getId().equals(site.getId())) {
            throw IntentException.invalid("device", hostname + " is not in site " + site.getCode());
        }
        return device;
    }

    private void apply(ExchangeConnection connection, Device device, ExchangeConnectionDraft draft, long self) {
        List<Port> ports = new ArrayList<>();
        List<String> names = draft.ports();
        for (int i = 0; i < names.size(); i++) {
            String field = "ports[" + i + "]";
            Port port = device.port(names.get(i)).orElseThrow(() ->
                    IntentException.invalid(field, "port does not exist on " + device.getHostname()));
            if (connections.portUsedElsewhere(port.getId(), self)) {
                throw IntentException.conflict(field, "port " + port.displayName()
                        + " already carries another exchange connection");
            }
            ports.add(port);
        }
        connection.setPorts(ports);
        connection.setStatus(draft.status() == null ? ConnectionStatus.PLANNED : draft.status());
        connection.setDescription(draft.description());
        connection.setTags(Tags.checked(draft.tags()));
    }

    private static void validate(ExchangeConnectionDraft d) {
        new Problems()
                .check(d.exchange() != null && !d.exchange().isBlank(), "exchange", "is required: expected an exchange code")
                .check(d.site() != null && !d.site().isBlank(), "site", "is required")
                .check(d.device() != null && !d.device().isBlank(), "device", "is required")
                .check(d.ports() != null && !d.ports().isEmpty(), "ports", "expected at least one port name")
                .check(d.circuitId() != null && !d.circuitId().isBlank(), "circuitId", "is required")
                .check(d.killSwitchGroup() != null && !d.killSwitchGroup().isBlank(), "killSwitchGroup",
                        "is required: the group the kill switch acts on")
                .throwIfAny();
    }
}
