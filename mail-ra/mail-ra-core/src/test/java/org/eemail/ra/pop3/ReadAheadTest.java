// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.eemail.ra.api.MaildropEntry;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    private static final int KB = 1024;

    /** Messages numbered 1.. with uid 100 + number and the given sizes. */
    private static MessageList list(int... sizes) {
        List<MaildropEntry> entries = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            entries.add(new MaildropEntry(101 + i, sizes[i]));
        }
        return new MessageList(entries);
    }

    /** What the backend returns for {@code numbers}: each message filled with its number. */
    private static Map<Long, byte[]> contents(MessageList messages, List<Integer> numbers) {
        Map<Long, byte[]> contents = new HashMap<>();
        for (int number : numbers) {
            MaildropEntry entry = messages.message(number).orElseThrow();
            byte[] content = new byte[(int) entry.size()];
            Arrays.fill(content, (byte) number);
            contents.put(entry.uid(), content);
        }
        return contents;
    }

    @Test
    void theFirstRetrOfASessionReadsOnlyItsMessage() {
        MessageList messages = list(4 * KB, 4 * KB, 4 * KB);
        ReadAhead ahead = new ReadAhead();

        assertTrue(ahead.take(1).isEmpty());
        assertEquals(List.of(1), ahead.plan(messages, 1));
    }

    @Test
    void aRetrInOrderReadsTheFollowingSmallMessagesAndTheNextRetrsComeFromMemory() {
        MessageList messages = list(4 * KB, 4 * KB, 4 * KB, 4 * KB);
        ReadAhead ahead = new ReadAhead();
        ahead.plan(messages, 1);

        List<Integer> numbers = ahead.plan(messages, 2);
        assertEquals(List.of(2, 3, 4), numbers);
        assertEquals(List.of(102L, 103L, 104L), ReadAhead.uids(messages, numbers));
        byte[] second = ahead.keep(messages, numbers, contents(messages, numbers)).orElseThrow();

        assertEquals(2, second[0]);
        assertFalse(ahead.holds(2), "the message RETR asked for is sent, not held");
        assertTrue(ahead.holds(3));
        assertEquals(3, ahead.take(3).orElseThrow()[0]);
        assertEquals(4, ahead.take(4).orElseThrow()[0]);
        assertFalse(ahead.holds(4), "each held message is sent once");
    }

    @Test
    void theBatchIsBoundedInOctetsAndCountAndStopsAtTheFirstLargeMessage() {
        int[] sizes = IntStream.range(0, 200).map(i -> i == 150 ? 200 * KB : 1000).toArray();
        sizes[1] = 128 * KB;
        MessageList messages = list(sizes);
        ReadAhead ahead = new ReadAhead();
        ahead.plan(messages, 1);

        assertEquals(IntStream.rangeClosed(2, 1 + ReadAhead.MAX_MESSAGES).boxed().toList(), ahead.plan(messages, 2),
                "at most " + ReadAhead.MAX_MESSAGES + " messages");
        assertEquals(IntStream.rangeClosed(140, 150).boxed().toList(), ahead.plan(messages, 140), "up to the large one");
        assertEquals(List.of(151), ahead.plan(messages, 151).subList(0, 1));
        assertEquals(List.of(151), ahead.plan(messages, 151), "backwards: no read-ahead");

        MessageList big = list(120 * KB, 120 * KB, 120 * KB, 120 * KB, 120 * KB, 120 * KB);
        ReadAhead bounded = new ReadAhead();
        bounded.plan(big, 1);
        assertEquals(List.of(2, 3, 4, 5), bounded.plan(big, 2), "at most " + ReadAhead.MAX_TOTAL + " octets");
    }

    @Test
    void aLargeMessageIsNotReadAheadAndMarkedMessagesAreSkipped() {
        MessageList messages = list(4 * KB, 129 * KB, 4 * KB, 4 * KB, 4 * KB);
        ReadAhead ahead = new ReadAhead();
        ahead.plan(messages, 1);

        assertEquals(List.of(2), ahead.plan(messages, 2), "over " + ReadAhead.MAX_MESSAGE + " octets: streamed");
        messages.delete(4);
        assertEquals(List.of(3, 5), ahead.plan(messages, 3));
    }

    @Test
    void whatTheClientSkipsIsDroppedAndAMissDropsEverything() {
        MessageList messages = list(4 * KB, 4 * KB, 4 * KB, 4 * KB, 4 * KB, 4 * KB);
        ReadAhead ahead = new ReadAhead();
        ahead.plan(messages, 1);
        List<Integer> numbers = ahead.plan(messages, 2);
        ahead.keep(messages, numbers, contents(messages, numbers));

        assertEquals(4, ahead.take(4).orElseThrow()[0]);
        assertFalse(ahead.holds(3), "skipped: dropped");
        assertTrue(ahead.holds(5));

        assertEquals(List.of(1), ahead.plan(messages, 1), "backwards");
        assertFalse(ahead.holds(5), "a miss drops what was held");
    }

    @Test
    void aMessageGoneOrOfAnotherSizeIsNotHeld() {
        MessageList messages = list(4 * KB, 4 * KB, 4 * KB, 4 * KB);
        ReadAhead ahead = new ReadAhead();
        ahead.plan(messages, 1);
        List<Integer> numbers = ahead.plan(messages, 2);
        Map<Long, byte[]> contents = contents(messages, numbers);
        contents.remove(103L);
        contents.put(104L, new byte[10]);

        assertArrayEquals(contents.get(102L), ahead.keep(messages, numbers, contents).orElseThrow());
        assertFalse(ahead.holds(3), "gone: its RETR asks the backend, which answers for it");
        assertFalse(ahead.holds(4));

        ReadAhead gone = new ReadAhead();
        gone.plan(messages, 1);
        List<Integer> again = gone.plan(messages, 2);
        Map<Long, byte[]> withoutFirst = contents(messages, again);
        withoutFirst.remove(102L);
        assertTrue(gone.keep(messages, again, withoutFirst).isEmpty(), "the message RETR asked for is gone");
        assertTrue(gone.holds(3));
    }
}
