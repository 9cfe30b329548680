package dev.orb.adapter.alpaca.internal;

import java.io.IOException;

/**
 * A request was not sent because it waited longer than allowed for the shared request budget. The broker never
 * saw it, so for an order this is a definite "not placed".
 */
public final class BudgetExhaustedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The message names the request and the wait. */
    public BudgetExhaustedException(String message) {
        super(message);
    }
}
