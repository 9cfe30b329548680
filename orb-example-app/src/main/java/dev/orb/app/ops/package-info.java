/** Operations endpoints of the standalone app: health and Prometheus metrics. */
package dev.orb.app.ops;
