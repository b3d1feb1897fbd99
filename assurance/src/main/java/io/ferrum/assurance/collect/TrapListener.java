package io.ferrum.assurance.collect;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.snmp.Trap;
import io.ferrum.provisioning.driver.snmp.TrapReceiver;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Receives SNMP traps and re-polls the device that sent one, debounced by the collector: linkDown and linkUp
 * (IF-MIB), and Ferrum's config-changed notification ({@link #CONFIG_CHANGED}), which the lab's device shell sends
 * after every {@code configure} and {@code install firmware}. The receiver binds the configured address only: by
 * default the lab host's, which exists while the lab is up, so it retries the bind until the address appears and
 * listens on nothing else.
 */
public class TrapListener implements SmartLifecycle {

    /** IF-MIB linkDown and linkUp (SNMPv2-MIB snmpTraps 3 and 4). */
    public static final String LINK_DOWN = "1.3.6.1.6.3.1.1.5.3";
    public static final String LINK_UP = "1.3.6.1.6.3.1.1.5.4";
    /**
     * Ferrum's config-changed notification. Ferrum has no enterprise number of its own yet; this sits under 32473,
     * the number RFC 5612 sets aside for documentation, until one is registered.
     */
    public static final String CONFIG_CHANGED = "1.3.6.1.4.1.32473.1.0.1";
    /**
     * LLDP-MIB lldpRemTablesChange: a device's neighbour table changed. A link trap comes before the new neighbour
     * is known (the far end's first LLDPDU follows the link by up to its transmit interval), so a re-wire shows up
     * in LLDP only on this second notification, not on the link's own.
     */
    public static final String LLDP_REM_TABLES_CHANGE = "1.0.8802.1.1.2.0.0.1";
    private static final Set<String> REPOLL = Set.of(LINK_DOWN, LINK_UP, CONFIG_CHANGED, LLDP_REM_TABLES_CHANGE);

    private static final Logger log = LoggerFactory.getLogger(TrapListener.class);

    private final CollectorProperties.Traps settings;
    private final Collector collector;
    private final AtomicLong received = new AtomicLong();
    private volatile TrapReceiver receiver;
    private volatile Thread thread;

    public TrapListener(CollectorProperties.Traps settings, Collector collector) {
        this.settings = settings;
        this.collector = collector;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, "ferrum-traps");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
        closeReceiver();
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** The port the receiver listens on, or empty while it is not bound. */
    public Optional<Integer> port() {
        TrapReceiver r = receiver;
        return r == null ? Optional.empty() : Optional.of(r.port());
    }

    /** Traps received from known devices that asked for a re-poll. */
    public long received() {
        return received.get();
    }

    private void run() {
        try {
            listen();
        } finally {
            closeReceiver();
        }
    }

    private void listen() {
        boolean warned = false;
        while (thread == Thread.currentThread()) {
            try {
                if (receiver == null) {
                    receiver = TrapReceiver.listen(settings.host(), settings.port(), Set.of(settings.community()));
                    log.info("Trap receiver listening on {}:{}", settings.host(), receiver.port());
                }
                Optional<Trap> trap = receiver.poll(Duration.ofSeconds(1));
                trap.ifPresent(this::handle);
            } catch (DriverException e) {
                if (!warned) {
                    log.info("Trap receiver cannot bind {}:{} yet (retrying every {}): {}", settings.host(),
                            settings.port(), settings.rebind(), e.getMessage());
                    warned = true;
                }
                sleep(settings.rebind());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("trap handling failed: {}", e.toString());
            }
        }
    }

    private void handle(Trap trap) {
        if (!REPOLL.contains(trap.trapOid())) {
            return;
        }
        String address = trap.source().contains("/") ? trap.source().substring(0, trap.source().indexOf('/'))
                : trap.source();
        collector.pollSoon(address).ifPresentOrElse(device -> {
            received.incrementAndGet();
            log.debug("trap {} from {}: re-polling", trap.trapOid(), device);
        }, () -> log.debug("trap {} from {}, which is no polled device", trap.trapOid(), address));
    }

    private void closeReceiver() {
        TrapReceiver r = receiver;
        receiver = null;
        if (r != null) {
            r.close();
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread = null;
        }
    }
}
