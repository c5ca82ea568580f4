// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How the queue runner works ({@code mail.queue.*}, durations in ISO-8601 such as {@code PT5M}).
 *
 * @param pollInterval  {@code mail.queue.poll-interval}: how often the runner looks for due entries
 *                      (new mail does not wait for it: acceptance starts a run at once)
 * @param batchSize     {@code mail.queue.batch-size}: entries claimed at a time
 * @param parallelism   {@code mail.queue.parallelism}: connections delivering at the same time, all
 *                      destinations together
 * @param destinationConcurrency {@code mail.queue.destination-concurrency}: of those, at most this
 *                      many to one destination (Postfix's default is 20)
 * @param retry         the back-off and lifetime ({@code mail.queue.retry-initial},
 *                      {@code mail.queue.retry-max}, {@code mail.queue.lifetime})
 * @param lease         {@code mail.queue.lease}: how long a claim holds; an entry claimed by a
 *                      server that died is delivered again after it
 * @param returnedLimit {@code mail.queue.bounce-return-limit}: the largest original a bounce
 *                      returns whole (RET=FULL); larger ones are returned as headers only
 */
public record QueueSettings(Duration pollInterval, int batchSize, int parallelism, int destinationConcurrency,
                            RetryPolicy retry, Duration lease, long returnedLimit) {

    public static QueueSettings from(Config config) {
        return new QueueSettings(
                duration(config, "mail.queue.poll-interval", "PT10S"),
                positive(config, "mail.queue.batch-size", 100),
                positive(config, "mail.queue.parallelism", 8),
                positive(config, "mail.queue.destination-concurrency", 20),
                new RetryPolicy(duration(config, "mail.queue.retry-initial", "PT5M"),
                        duration(config, "mail.queue.retry-max", "PT1H"),
                        duration(config, "mail.queue.lifetime", "P5D")),
                duration(config, "mail.queue.lease", "PT15M"),
                positive(config, "mail.queue.bounce-return-limit", 1_048_576));
    }

    static Duration duration(Config config, String property, String fallback) {
        String value = config.getOptionalValue(property, String.class).orElse(fallback).trim();
        try {
            Duration parsed = Duration.parse(value);
            if (parsed.isNegative() || parsed.isZero()) {
                throw new IllegalArgumentException(property + "=" + value + ": must be positive");
            }
            return parsed;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(property + "=" + value + ": not an ISO-8601 duration such as PT5M", e);
        }
    }

    static int positive(Config config, String property, int fallback) {
        int value = config.getOptionalValue(property, Integer.class).orElse(fallback);
        if (value < 1) {
            throw new IllegalArgumentException(property + "=" + value + ": must be at least 1");
        }
        return value;
    }
}
