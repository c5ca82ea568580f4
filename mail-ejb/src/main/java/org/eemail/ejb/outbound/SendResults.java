// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressSucceededException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eemail.ejb.store.ClaimedEntry;

/**
 * Per-recipient results of one {@code SMTPTransport.sendMessage} with {@code reportsuccess} and
 * {@code sendpartial} on. Angus then reports every RCPT reply as a typed exception in a chain
 * ({@link SMTPAddressSucceededException}, {@link SMTPAddressFailedException}), and the reply to
 * MAIL or to the end of DATA as an {@link SMTPSendFailedException} at its head. A recipient's
 * result is its RCPT reply when that refused it, else the final reply of the transaction.
 */
final class SendResults {

    private SendResults() {
    }

    /**
     * @param addresses  the addresses passed to sendMessage
     * @param entries    the entry of each address, in the same order
     * @param failure    what sendMessage threw, or {@code null} when it returned
     * @param lastReply  the transport's last reply, for a send that returned normally
     */
    static List<RecipientResult> of(List<Address> addresses, List<ClaimedEntry> entries, MessagingException failure,
                                    String lastReply, String remoteMta, boolean dsnOffered) {
        // By identity: Angus hands back the very objects it was given, and two addresses that
        // differ only in case are two recipients.
        Map<Address, Reply> rcpt = new IdentityHashMap<>();
        for (Exception e = failure; e instanceof MessagingException m; e = m.getNextException()) {
            if (m instanceof SMTPAddressFailedException f) {
                rcpt.put(f.getAddress(), new Reply(f.getReturnCode(), f.getMessage()));
            } else if (m instanceof SMTPAddressSucceededException s) {
                rcpt.put(s.getAddress(), new Reply(s.getReturnCode(), s.getMessage()));
            }
        }
        Reply last;
        if (failure == null) {
            last = new Reply(250, lastReply);
        } else if (failure instanceof SMTPSendFailedException sent) {
            last = new Reply(sent.getReturnCode(), sent.getMessage());
        } else if (failure instanceof SendFailedException && !rcpt.isEmpty()) {
            last = null;
        } else {
            last = new Reply(RecipientResult.NO_REPLY, "451 4.4.2 " + failure.getMessage());
        }
        List<RecipientResult> results = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            ClaimedEntry entry = entries.get(i);
            Reply own = rcpt.get(addresses.get(i));
            Reply result = own != null && (own.code() >= 400 || own.code() < 200) || last == null ? own : last;
            if (result == null) {
                results.add(RecipientResult.noReply(entry, "451 4.4.2 No reply for this recipient"));
            } else {
                results.add(new RecipientResult(entry, result.code(), result.text(),
                        result.code() == RecipientResult.NO_REPLY ? null : remoteMta, dsnOffered));
            }
        }
        return results;
    }

    private record Reply(int code, String text) {

        Reply {
            text = text == null ? "" : text.strip();
        }
    }
}
