package io.ferrum.provisioning.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs pipeline runs as Quartz jobs in the JDBC job store, clustered across every Ferrum node on the same
 * PostgreSQL: a run executes on exactly one node, and when that node dies (kill -9, power) Quartz's cluster check-in
 * notices and another node (or this one, restarted) recovers the job, which resumes the run from its tasks' last
 * recorded steps. One job per run, keyed by the run id, so submitting a run twice is harmless.
 */
public class PipelineScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineScheduler.class);
    static final String GROUP = "pipeline-runs";
    static final String SCHEDULES = "pipeline-schedules";
    private static final java.util.concurrent.atomic.AtomicInteger INSTANCES = new java.util.concurrent.atomic.AtomicInteger();

    private final Scheduler scheduler;
    private final PipelineRuns runs;
    /** Starts the run of a schedule that fired; set by the application before {@link #start()}. */
    private volatile java.util.function.LongConsumer scheduleFired = id -> LOG.warn("schedule {} fired before the "
            + "application was ready; skipped", id);

    /**
     * @param checkinIntervalMillis how often a node tells the cluster it is alive; a node silent for about this long
     *                              is taken for dead and its runs are recovered
     */
    public PipelineScheduler(DataSource dataSource, PipelineEngine engine, PipelineRuns runs, int threads,
                             long checkinIntervalMillis) throws SchedulerException {
        this.runs = runs;
        // Quartz keeps data sources and schedulers in JVM-wide registries; one JVM may hold several application
        // contexts (tests, CLI commands), each with its own database: every instance gets its own data source name
        // and its own scheduler object (the same cluster name, so nodes still share runs).
        String dataSourceName = "ferrum-" + INSTANCES.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new SpringConnections(dataSource));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "ferrum-pipelines");
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkinIntervalMillis));
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        StdSchedulerFactory factory = new StdSchedulerFactory(p);
        this.scheduler = factory.getScheduler();
        org.quartz.impl.SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
        scheduler.setJobFactory((bundle, s) -> bundle.getJobDetail().getJobClass() == ScheduleJob.class
                ? new ScheduleJob(id -> scheduleFired.accept(id)) : new RunJob(engine));
    }

    public void start() throws SchedulerException {
        scheduler.start();
        resubmitUnscheduled();
    }

    /** Queues a run for execution on whichever node takes it first. */
    public void submit(long runId) {
        JobDetail job = JobBuilder.newJob(RunJob.class).withIdentity(key(runId))
                .usingJobData("runId", runId)
                .requestRecovery(true)
                .build();
        try {
            scheduler.scheduleJob(job, TriggerBuilder.newTrigger().forJob(job).startNow().build());
        } catch (ObjectAlreadyExistsException alreadyQueued) {
            LOG.debug("run {} is already scheduled", runId);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule pipeline run " + runId + ": " + e.getMessage(), e);
        }
    }

    /**
     * A run stored but never scheduled (the node died between the two) or left over from a job store wiped by hand
     * is submitted again; runs already in the job store are left to Quartz's own recovery.
     */
    void resubmitUnscheduled() {
        for (RunView run : runs.unfinished()) {
            try {
                if (!scheduler.checkExists(key(run.id()))) {
                    LOG.info("pipeline run {} ({}) was not scheduled; scheduling it", run.id(), run.state().wire());
                    submit(run.id());
                }
            } catch (SchedulerException e) {
                LOG.warn("cannot check the schedule of run {}: {}", run.id(), e.getMessage());
            }
        }
    }

    /** What to do when a schedule fires (start its run); the application sets it once its services exist. */
    public void onScheduleFired(java.util.function.LongConsumer starter) {
        this.scheduleFired = starter;
    }

    /** Fires {@code scheduleId} on {@code cron} in {@code timeZone}, once across the cluster; replaces an older entry. */
    public void schedule(long scheduleId, String cron, String timeZone) {
        JobDetail job = JobBuilder.newJob(ScheduleJob.class).withIdentity(scheduleKey(scheduleId))
                .usingJobData("scheduleId", scheduleId).storeDurably().build();
        try {
            // A firing missed while every node was down is skipped, not made up: a nightly dry-run at noon helps no one.
            scheduler.scheduleJob(job, java.util.Set.of(TriggerBuilder.newTrigger().forJob(job)
                    .withIdentity("schedule-" + scheduleId, SCHEDULES)
                    .withSchedule(org.quartz.CronScheduleBuilder.cronSchedule(cron)
                            .inTimeZone(java.util.TimeZone.getTimeZone(java.time.ZoneId.of(timeZone)))
                            .withMisfireHandlingInstructionDoNothing()).build()), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + scheduleId + ": " + e.getMessage(), e);
        }
    }

    public void unschedule(long scheduleId) {
        try {
            scheduler.deleteJob(scheduleKey(scheduleId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot unschedule " + scheduleId + ": " + e.getMessage(), e);
        }
    }

    /** When the schedule fires next, if it is scheduled. */
    public java.util.Optional<java.time.Instant> nextFire(long scheduleId) {
        try {
            return scheduler.getTriggersOfJob(scheduleKey(scheduleId)).stream().map(org.quartz.Trigger::getNextFireTime)
                    .filter(java.util.Objects::nonNull).map(java.util.Date::toInstant).min(java.util.Comparator.naturalOrder());
        } catch (SchedulerException e) {
            return java.util.Optional.empty();
        }
    }

    static JobKey scheduleKey(long scheduleId) {
        return JobKey.jobKey("schedule-" + scheduleId, SCHEDULES);
    }

    static JobKey key(long runId) {
        return JobKey.jobKey("run-" + runId, GROUP);
    }

    @Override
    public void close() throws SchedulerException {
        scheduler.shutdown(true);
    }

    /** Executes one run; the job (and its trigger) is gone once the run reached a final state. */
    @DisallowConcurrentExecution
    static class RunJob implements Job {
        private final PipelineEngine engine;

        RunJob(PipelineEngine engine) {
            this.engine = engine;
        }

        @Override
        public void execute(JobExecutionContext context) {
            long runId = context.getMergedJobDataMap().getLong("runId");
            if (context.isRecovering()) {
                LOG.info("recovering pipeline run {} after the node running it stopped", runId);
            }
            try {
                RunState state = engine.execute(runId);
                LOG.info("pipeline run {} ended {}", runId, state.wire());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the run of a schedule that fired (on whichever node Quartz picked). */
    @DisallowConcurrentExecution
    static class ScheduleJob implements Job {
        private final java.util.function.LongConsumer starter;

        ScheduleJob(java.util.function.LongConsumer starter) {
            this.starter = starter;
        }

        @Override
        public void execute(JobExecutionContext context) {
            long scheduleId = context.getMergedJobDataMap().getLong("scheduleId");
            try {
                starter.accept(scheduleId);
            } catch (RuntimeException e) {
                LOG.warn("schedule {} fired but could not start its run: {}", scheduleId, e.getMessage());
            }
        }
    }

    /** Quartz borrows connections from the application's pool instead of opening its own. */
    private record SpringConnections(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the application
        }

        @Override
        public void initialize() {
            // nothing to set up
        }
    }
}
