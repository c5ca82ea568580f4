// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eemail.ra.api.MaildropEntry;

/**
 * Small messages read before the client asks for them. Clients that download a maildrop RETR 1,
 * 2, 3, … in order, most of them pipelined; each RETR on its own costs a call of the maildrop bean,
 * a transaction and a query, far more than sending a small message. So once a session RETRieves in
 * order, a RETR of a small message reads it together with the small messages that follow it in
 * the list, in one call, and the next RETRs are answered from memory.
 *
 * <p>What is held is bounded ({@value #MAX_TOTAL} octets, messages of at most
 * {@value #MAX_MESSAGE}) and is only what the next RETRs need: a RETR drops the messages before
 * the one it asks for, and a RETR of a message not held drops everything. Nothing held can go
 * stale: stored messages never change, the list is fixed while the session holds the maildrop's
 * lock, and DELE only marks. A message deleted by another path after it was read is still sent,
 * as it would have been had its RETR come first.
 *
 * <p>Not thread-safe: one session uses it.
 */
public final class ReadAhead {

    /**
     * The largest message read ahead; larger ones stream from the store, one RETR at a time. Large
     * enough for the common 100 KB message with attachments: with 64 KB, those cost a bean call
     * each and RETR of them was about 15 % slower than Dovecot's here.
     */
    public static final int MAX_MESSAGE = 128 * 1024;
    /** The most octets read in one call and held for one session. */
    public static final int MAX_TOTAL = 512 * 1024;
    /** The most messages read in one call. */
    public static final int MAX_MESSAGES = 64;

    private record Held(int number, byte[] content) {
    }

    private final Deque<Held> held = new ArrayDeque<>();
    /** The number of the session's last RETR; 0 before the first. */
    private int previous;

    /** Whether RETR {@code number} can be answered from memory, without the backend. */
    public boolean holds(int number) {
        for (Held message : held) {
            if (message.number() == number) {
                return true;
            }
        }
        return false;
    }

    /**
     * RETR {@code number}: its content when it is held, and the messages before it are dropped
     * (the client skipped them). Empty when it is not held; then {@link #plan} follows.
     */
    public Optional<byte[]> take(int number) {
        if (!holds(number)) {
            return Optional.empty();
        }
        while (held.peekFirst().number() < number) {
            held.removeFirst();
        }
        previous = number;
        return Optional.of(held.removeFirst().content());
    }

    /**
     * RETR {@code number} of a message not held: the numbers of the messages to read in one call,
     * {@code number} first. Just {@code number} (the message is streamed as usual) for the first
     * RETR of a session, one that goes backwards, or a large message; otherwise {@code number} and
     * the small messages after it, not marked as deleted, up to the first large one and within
     * the bounds. Drops whatever was held.
     */
    public List<Integer> plan(MessageList messages, int number) {
        boolean inOrder = previous > 0 && number > previous;
        previous = number;
        held.clear();
        List<Integer> numbers = new ArrayList<>();
        numbers.add(number);
        long total = messages.message(number).orElseThrow().size();
        if (!inOrder || total > MAX_MESSAGE) {
            return numbers;
        }
        for (int next = number + 1; next <= messages.numbered() && numbers.size() < MAX_MESSAGES; next++) {
            if (messages.isDeleted(next)) {
                continue;
            }
            long size = messages.message(next).orElseThrow().size();
            if (size > MAX_MESSAGE || total + size > MAX_TOTAL) {
                break;
            }
            numbers.add(next);
            total += size;
        }
        return numbers;
    }

    /**
     * Keeps what the backend read for {@code numbers} (as {@link #plan} gave them), except the
     * first, whose content it returns: empty when that message no longer exists. A message the
     * backend did not return, or returned with another size than the list's, is not held: its
     * RETR goes to the backend, which answers for it.
     */
    public Optional<byte[]> keep(MessageList messages, List<Integer> numbers, Map<Long, byte[]> contents) {
        for (int number : numbers.subList(1, numbers.size())) {
            MaildropEntry entry = messages.message(number).orElseThrow();
            byte[] content = contents.get(entry.uid());
            if (content != null && content.length == entry.size()) {
                held.addLast(new Held(number, content));
            }
        }
        return Optional.ofNullable(contents.get(messages.message(numbers.get(0)).orElseThrow().uid()));
    }

    /** The uids of {@code numbers}, for the backend. */
    public static List<Long> uids(MessageList messages, List<Integer> numbers) {
        return numbers.stream().map(number -> messages.message(number).orElseThrow().uid()).toList();
    }
}
