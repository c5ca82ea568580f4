// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * An {@link Executor} over the container's {@link WorkManager}: a resource adapter must not start
 * threads of its own (JCA §11), so Netty's event loops run as long-lived Work.
 */
final class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;

    WorkManagerExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    @Override
    public void execute(Runnable task) {
        try {
            workManager.scheduleWork(new RunnableWork(task));
        } catch (WorkException refused) {
            throw new RejectedExecutionException("the WorkManager refused the work", refused);
        }
    }

    private record RunnableWork(Runnable task) implements Work {

        @Override
        public void run() {
            task.run();
        }

        @Override
        public void release() {
            // The event loops end through MailTransport.stop(), not through release.
        }
    }
}
