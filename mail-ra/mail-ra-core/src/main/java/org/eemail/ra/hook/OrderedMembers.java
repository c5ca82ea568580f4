// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.hook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The active beans of one kind in the order they are asked: lowest priority first, then by name.
 * Copied on write: read for every message without a lock, changed only when a bean is activated
 * or deactivated.
 *
 * @param <M> the member type
 */
final class OrderedMembers<M> {

    private final Comparator<M> order;
    private volatile List<M> members = List.of();

    OrderedMembers(ToIntFunction<M> priority, Function<M, String> name) {
        this.order = Comparator.comparingInt(priority).thenComparing(name);
    }

    synchronized void add(M member) {
        List<M> more = new ArrayList<>(members);
        more.add(member);
        more.sort(order);
        members = List.copyOf(more);
    }

    /** Removes the members {@code which} selects; true if there was one. */
    synchronized boolean removeIf(Predicate<M> which) {
        List<M> fewer = new ArrayList<>(members);
        boolean removed = fewer.removeIf(which);
        members = List.copyOf(fewer);
        return removed;
    }

    /** The members now, in order; a snapshot that later changes do not touch. */
    List<M> all() {
        return members;
    }
}
