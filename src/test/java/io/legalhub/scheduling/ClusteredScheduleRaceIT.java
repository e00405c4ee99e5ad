package io.legalhub.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two hub instances registering the same schedules at the same moment in the clustered job store (PostgreSQL, the
 * hub's migrations): whichever instance finds the schedule already there also finds its trigger, never a job
 * without its trigger, which once stopped an instance from starting (Camel: "Trigger could not be found").
 */
class ClusteredScheduleRaceIT {

    private static final String URL = System.getProperty("hub.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("hub.it.postgres.user", "postgres");
    private static final int SCHEDULES = 150;

    @Test
    void aScheduleTheOtherInstanceJustStoredIsAlwaysFoundWhole() throws Exception {
        String schema = "quartz_race_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Flyway.configure().dataSource(URL, USER, "").schemas(schema).createSchemas(true)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        try (HikariDataSource database = dataSource(schema)) {
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
            Scheduler a = TransactionalScheduler.wrap(scheduler(database, "instance-a"), transactions);
            Scheduler b = TransactionalScheduler.wrap(scheduler(database, "instance-b"), transactions);
            ExecutorService instances = Executors.newFixedThreadPool(2);
            int halfFound = 0;
            try {
                for (int i = 0; i < SCHEDULES; i++) {
                    TriggerKey key = TriggerKey.triggerKey("poll-" + i, "hub");
                    CyclicBarrier together = new CyclicBarrier(2);
                    Future<Boolean> first = instances.submit(() -> register(a, key, together));
                    Future<Boolean> second = instances.submit(() -> register(b, key, together));
                    halfFound += (first.get() ? 0 : 1) + (second.get() ? 0 : 1);
                }
            } finally {
                instances.shutdownNow();
            }
            assertThat(halfFound).as("registrations that found a job without its trigger").isZero();
        } finally {
            try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    /** What Camel's Quartz endpoint does at start: use the trigger if it is there, else store job and trigger. */
    private static boolean register(Scheduler scheduler, TriggerKey key, CyclicBarrier together) throws Exception {
        together.await();
        if (scheduler.getTrigger(key) != null) {
            return true;
        }
        JobDetail job = JobBuilder.newJob(NoOp.class).withIdentity(key.getName(), key.getGroup()).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(job)
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(30)).build();
        try {
            scheduler.scheduleJob(job, trigger);
            return true;
        } catch (ObjectAlreadyExistsException stored) {
            return scheduler.getTrigger(key) != null;
        }
    }

    private static Scheduler scheduler(HikariDataSource database, String instanceId) throws Exception {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", "legal-hub");
        quartz.setProperty("org.quartz.scheduler.instanceId", instanceId);
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.threadPool.threadCount", "1");
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(database);
        factory.setQuartzProperties(quartz);
        factory.setAutoStartup(false);
        factory.afterPropertiesSet();
        return factory.getObject();
    }

    private static HikariDataSource dataSource(String schema) {
        HikariDataSource database = new HikariDataSource();
        database.setJdbcUrl(URL + "?currentSchema=" + schema);
        database.setUsername(USER);
        database.setPassword("");
        database.setMaximumPoolSize(8);
        return database;
    }

    public static class NoOp implements Job {
        @Override
        public void execute(org.quartz.JobExecutionContext context) {
        }
    }
}
