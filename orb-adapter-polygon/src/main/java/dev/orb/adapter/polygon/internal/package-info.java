/**
 * The adapter's HTTP, JSON, rate-limit, retry and validation machinery. Internal: public only so that
 * {@code dev.orb.adapter.polygon} can reach it; it may change at any time without notice. Do not use it directly.
 *
 * <p>Nothing in this package accepts or returns null unless its Javadoc says so.
 */
package dev.orb.adapter.polygon.internal;
