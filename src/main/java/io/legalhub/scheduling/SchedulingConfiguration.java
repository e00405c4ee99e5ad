package io.legalhub.scheduling;

import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Camel's Quartz schedules (polls, reconciliation) run on Spring Boot's Quartz scheduler: an in-memory
 * store in embedded mode, a clustered JDBC store in production, where each schedule fires on exactly one
 * hub instance at a time. Boot creates the scheduler without starting it (spring.quartz.auto-startup=false);
 * Camel starts it once its routes are up, so no trigger fires into a context that is not ready.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfiguration {

    @Bean("quartz")
    QuartzComponent quartz(Scheduler scheduler, PlatformTransactionManager transactions) throws SchedulerException {
        QuartzComponent quartz = new QuartzComponent();
        // a database job store (production, clustered) is changed in transactions; the in-memory one needs none
        quartz.setScheduler(scheduler.getMetaData().isJobStoreSupportsPersistence()
                ? TransactionalScheduler.wrap(scheduler, new TransactionTemplate(transactions))
                : scheduler);
        quartz.setAutoStartScheduler(true);
        return quartz;
    }
}
