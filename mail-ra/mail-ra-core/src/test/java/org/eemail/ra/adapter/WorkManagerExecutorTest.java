// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class WorkManagerExecutorTest {

    @Test
    void runsTheTaskAsScheduledWork() throws Exception {
        WorkManager workManager = mock(WorkManager.class);
        AtomicBoolean ran = new AtomicBoolean();
        new WorkManagerExecutor(workManager).execute(() -> ran.set(true));

        ArgumentCaptor<Work> work = ArgumentCaptor.forClass(Work.class);
        verify(workManager).scheduleWork(work.capture());
        work.getValue().run();
        assertTrue(ran.get());
    }

    @Test
    void aRefusalBecomesRejectedExecution() throws Exception {
        WorkManager workManager = mock(WorkManager.class);
        doThrow(new WorkRejectedException("full")).when(workManager).scheduleWork(any(Work.class));
        assertThrows(RejectedExecutionException.class, () -> new WorkManagerExecutor(workManager).execute(() -> { }));
    }
}
