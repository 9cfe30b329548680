/**
 * Market data from Polygon (Massive) REST: {@link dev.orb.adapter.polygon.PolygonMarketData} implements
 * {@link dev.orb.ports.MarketData}, configured by {@link dev.orb.adapter.polygon.PolygonConfig}; failures are
 * {@link dev.orb.adapter.polygon.PolygonException}s. This is the whole public surface of the module.
 *
 * <p>Nothing in this package accepts or returns null unless its Javadoc says so.
 */
package dev.orb.adapter.polygon;
