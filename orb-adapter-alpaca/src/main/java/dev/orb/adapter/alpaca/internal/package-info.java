/**
 * The machinery behind {@link dev.orb.adapter.alpaca.AlpacaBroker}: HTTP transport (request budget, retries),
 * translation between alpaca-java's models and orb's domain values, idempotent order submission, the
 * trade-updates stream with its fill ledger and REST resynchronisation, bars and calendar clients.
 *
 * <p><strong>Internal: may change or disappear in any release.</strong> Types are public only because the
 * public package uses them; applications must not.
 */
package dev.orb.adapter.alpaca.internal;
