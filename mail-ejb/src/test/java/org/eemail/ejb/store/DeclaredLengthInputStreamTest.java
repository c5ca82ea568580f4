// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DeclaredLengthInputStreamTest {

    @Test
    void passesExactlyTheDeclaredOctets() throws IOException {
        DeclaredLengthInputStream in = stream(5, 5);
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4}, in.readAllBytes());
        assertEquals(-1, in.read());
        in.requireEnd();
    }

    @Test
    void failsWhenTheStreamEndsEarly() {
        DeclaredLengthInputStream in = stream(3, 5);
        IOException e = assertThrows(IOException.class, in::readAllBytes);
        assertTrue(e.getMessage().contains("after 3 of 5"), e.getMessage());
    }

    @Test
    void failsByteByByteToo() throws IOException {
        DeclaredLengthInputStream in = stream(1, 2);
        assertEquals(0, in.read());
        assertThrows(IOException.class, in::read);
    }

    @Test
    void stopsAtTheDeclaredLengthAndThenFindsTheRest() throws IOException {
        DeclaredLengthInputStream in = stream(6, 4);
        assertEquals(4, in.readAllBytes().length);
        IOException e = assertThrows(IOException.class, in::requireEnd);
        assertTrue(e.getMessage().contains("longer than the declared 4"), e.getMessage());
    }

    @Test
    void requiresEveryOctetToHaveBeenRead() throws IOException {
        DeclaredLengthInputStream in = stream(4, 4);
        assertEquals(0, in.read());
        assertThrows(IOException.class, in::requireEnd);
    }

    @Test
    void anEmptyMessageIsFine() throws IOException {
        DeclaredLengthInputStream in = stream(0, 0);
        assertEquals(-1, in.read(new byte[8], 0, 8));
        in.requireEnd();
    }

    private static DeclaredLengthInputStream stream(int available, long declared) {
        byte[] bytes = new byte[available];
        for (int i = 0; i < available; i++) {
            bytes[i] = (byte) i;
        }
        return new DeclaredLengthInputStream(new ByteArrayInputStream(bytes), declared);
    }
}
