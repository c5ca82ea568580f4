// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes a transaction's commit reach the disk before the caller answers for it. PostgreSQL syncs
 * its log at every commit by itself. H2 writes each commit to the operating system, which survives
 * the server being killed but not a power cut, so on H2 the committing thread then waits for an
 * {@code fdatasync} of the database file, shared with concurrent commits ({@link GroupSync}).
 * That is Postfix's rule for its queue files: on disk before the {@code 250}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DurableCommit {

    private static final Logger LOG = System.getLogger(DurableCommit.class.getName());
    /** The one file of an H2 database named {@code mail} (H2's MVStore). */
    private static final String H2_FILE = "mail.mv.db";

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** {@code null} on PostgreSQL. */
    private GroupSync group;
    private Path file;
    private FileChannel channel;

    /**
     * Arranges that the current transaction, once committed, returns to its caller only after its
     * changes are on disk. Nothing to do on PostgreSQL.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onDiskBeforeReturn() {
        GroupSync sync = group;
        if (sync == null) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                try {
                    sync.awaitDurable();
                } catch (IOException e) {
                    // The transaction manager ignores exceptions from here; the commit stands.
                    LOG.log(Level.ERROR, "A committed transaction may not be on disk: cannot sync " + file, e);
                }
            }
        });
    }

    @PostConstruct
    void configure() {
        DatabaseSettings settings = DatabaseSettings.from(ConfigProvider.getConfig(DurableCommit.class.getClassLoader()));
        file = settings.dataDir().map(dir -> dir.resolve(H2_FILE)).orElse(null);
        group = file == null ? null : new GroupSync(this::sync);
    }

    /** {@code fdatasync}: the file's size is part of what it flushes, so a grown file is covered. */
    private void sync() throws IOException {
        FileChannel open;
        synchronized (this) {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            open = channel;
        }
        open.force(false);
    }

    @PreDestroy
    void close() {
        synchronized (this) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot close " + file + ": " + e.getMessage());
                }
                channel = null;
            }
        }
    }
}
