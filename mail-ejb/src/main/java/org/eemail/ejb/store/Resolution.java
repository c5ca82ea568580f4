// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import org.eemail.ra.api.AddressInfo;
import java.util.List;

/**
 * Where mail to one address goes: mailboxes here, addresses elsewhere, or nowhere.
 *
 * @param kind    LOCAL when {@code locals} or {@code remotes} is not empty for an address of ours;
 *                FOREIGN for an address elsewhere, whose one remote is the address as given
 * @param locals  the enabled accounts that receive it
 * @param remotes the foreign addresses it is relayed to
 */
record Resolution(AddressInfo.Kind kind, List<LocalTarget> locals, List<String> remotes) {

    static final Resolution UNKNOWN_LOCAL = new Resolution(AddressInfo.Kind.UNKNOWN_LOCAL, List.of(), List.of());

    Resolution {
        locals = List.copyOf(locals);
        remotes = List.copyOf(remotes);
    }

    static Resolution foreign(String address) {
        return new Resolution(AddressInfo.Kind.FOREIGN, List.of(), List.of(address));
    }

    /** LOCAL when anybody receives the mail, otherwise UNKNOWN_LOCAL: an alias to nobody is nobody. */
    static Resolution local(List<LocalTarget> locals, List<String> remotes) {
        if (locals.isEmpty() && remotes.isEmpty()) {
            return UNKNOWN_LOCAL;
        }
        return new Resolution(AddressInfo.Kind.LOCAL, locals, remotes);
    }

    /** The answer for RCPT: for an alias, the fullest of its mailboxes decides. */
    AddressInfo info() {
        return switch (kind) {
            case LOCAL -> AddressInfo.local(
                    locals.stream().mapToLong(LocalTarget::remaining).min().orElse(Long.MAX_VALUE));
            case UNKNOWN_LOCAL -> AddressInfo.UNKNOWN_LOCAL;
            case FOREIGN -> AddressInfo.FOREIGN;
        };
    }
}
