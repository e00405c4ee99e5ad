package io.legalhub.scheduling;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

import org.quartz.Scheduler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Quartz scheduler as Camel sees it, with every change to jobs and triggers made inside a database
 * transaction. Spring's JDBC job store takes Quartz's row locks on the caller's transaction; without one each
 * statement commits on its own, so two instances starting together could each see half of what the other
 * stored (a job without its trigger) and one of them failed to start. In a transaction the lock holds until
 * job and trigger are both written.
 */
final class TransactionalScheduler implements InvocationHandler {

    private static final Set<String> CHANGES = Set.of("scheduleJob", "scheduleJobs", "rescheduleJob", "unscheduleJob",
            "unscheduleJobs", "addJob", "deleteJob", "deleteJobs", "triggerJob", "pauseTrigger", "resumeTrigger", "pauseJob",
            "resumeJob");

    private final Scheduler scheduler;
    private final TransactionTemplate transactions;

    private TransactionalScheduler(Scheduler scheduler, TransactionTemplate transactions) {
        this.scheduler = scheduler;
        this.transactions = transactions;
    }

    static Scheduler wrap(Scheduler scheduler, TransactionTemplate transactions) {
        return (Scheduler) Proxy.newProxyInstance(Scheduler.class.getClassLoader(), new Class<?>[] {Scheduler.class},
                new TransactionalScheduler(scheduler, transactions));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (!CHANGES.contains(method.getName())) {
            return call(method, args);
        }
        try {
            return transactions.execute(status -> {
                try {
                    return call(method, args);
                } catch (Throwable e) {
                    throw new Carrier(e);
                }
            });
        } catch (Carrier carried) {
            throw carried.getCause();
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(scheduler, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Carries Quartz's checked exceptions out of the transaction callback, which then rolls back. */
    private static final class Carrier extends RuntimeException {
        Carrier(Throwable cause) {
            super(cause);
        }
    }
}
