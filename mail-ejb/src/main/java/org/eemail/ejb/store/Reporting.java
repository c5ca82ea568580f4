// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.time.Duration;
import java.util.Locale;

/**
 * Who bounces come from and where the failures of bounces go.
 *
 * @param reportingMta  this server's name ({@code mail.hostname})
 * @param postmaster    {@code mail.postmaster}: told once when a message with the null sender fails,
 *                      if that address is a mailbox here (so the notice cannot fail in turn)
 * @param returnedLimit the largest original a bounce returns whole
 * @param delayNotice   how long a recipient may stay deferred before its sender is told, once
 *                      ({@code mail.queue.delay-notice}); for NOTIFY=DELAY, or without NOTIFY when
 *                      {@code delayNoticeByDefault} ({@code mail.queue.delay-notice-by-default})
 */
public record Reporting(String reportingMta, String postmaster, long returnedLimit, Duration delayNotice,
                        boolean delayNoticeByDefault) {

    /** RFC 3461 §4.1: without NOTIFY, failures are reported; NEVER asks for nothing. */
    boolean wantsFailure(String notify) {
        return notify == null || has(notify, "FAILURE");
    }

    boolean wantsDelay(String notify) {
        return notify == null ? delayNoticeByDefault : has(notify, "DELAY");
    }

    static boolean wantsSuccess(String notify) {
        return notify != null && has(notify, "SUCCESS");
    }

    private static boolean has(String notify, String keyword) {
        return notify.toUpperCase(Locale.ROOT).contains(keyword);
    }
}
