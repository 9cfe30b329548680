package dev.orb.ports;

import java.util.List;

/**
 * The outcome of a bulk action (cancel all, close all), item by item, so that failures are reported rather than
 * swallowed.
 *
 * @param succeeded ids or symbols handled
 * @param failed    those that were not, with the broker's reason
 */
public record BulkResult(List<String> succeeded, List<Failure> failed) {
    public BulkResult {
        succeeded = List.copyOf(succeeded);
        failed = List.copyOf(failed);
    }

    public boolean allSucceeded() {
        return failed.isEmpty();
    }

    /** One item the broker did not handle. */
    public record Failure(String item, String reason) {
    }
}
