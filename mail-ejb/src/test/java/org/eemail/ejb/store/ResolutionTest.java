// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import org.eemail.ra.api.AddressInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.eemail.ra.api.AddressInfo.Kind;
import org.junit.jupiter.api.Test;

class ResolutionTest {

    @Test
    void remainingIsQuotaLessUseNeverBelowZero() {
        assertEquals(Long.MAX_VALUE, new LocalTarget(1, "a@x.test", 0, 0).remaining());
        assertEquals(600, new LocalTarget(1, "a@x.test", 1000, 400).remaining());
        assertEquals(0, new LocalTarget(1, "a@x.test", 1000, 1000).remaining());
        assertEquals(0, new LocalTarget(1, "a@x.test", 1000, 5000).remaining());
    }

    @Test
    void anAliasHasTheRoomOfItsFullestMailbox() {
        Resolution alias = Resolution.local(List.of(new LocalTarget(1, "a@x.test", 0, 0),
                new LocalTarget(2, "b@x.test", 1000, 900), new LocalTarget(3, "c@x.test", 1000, 10)),
                List.of("d@far.example"));
        assertEquals(new AddressInfo(Kind.LOCAL, 100), alias.info());
    }

    @Test
    void foreignTargetsAloneLeaveAllTheRoom() {
        assertEquals(new AddressInfo(Kind.LOCAL, Long.MAX_VALUE),
                Resolution.local(List.of(), List.of("d@far.example")).info());
    }

    @Test
    void anAliasToNobodyIsUnknown() {
        assertEquals(Resolution.UNKNOWN_LOCAL, Resolution.local(List.of(), List.of()));
        assertEquals(AddressInfo.UNKNOWN_LOCAL, Resolution.UNKNOWN_LOCAL.info());
    }

    @Test
    void aForeignAddressIsRelayedAsGiven() {
        Resolution foreign = Resolution.foreign("John@Far.example");
        assertEquals(List.of("John@Far.example"), foreign.remotes());
        assertEquals(AddressInfo.FOREIGN, foreign.info());
    }

    @Test
    void onlyLocalAddressesHaveRoom() {
        assertThrows(IllegalArgumentException.class, () -> new AddressInfo(Kind.FOREIGN, 5));
        assertThrows(IllegalArgumentException.class, () -> new AddressInfo(Kind.LOCAL, -1));
        assertThrows(NullPointerException.class, () -> new AddressInfo(null, 0));
    }
}
