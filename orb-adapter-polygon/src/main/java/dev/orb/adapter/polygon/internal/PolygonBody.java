package dev.orb.adapter.polygon.internal;

/** The envelope fields every Polygon JSON response carries: {@code status} and, on errors, a reason. */
interface PolygonBody {
    /** {@code OK}, {@code DELAYED} (success on the free plan), {@code ERROR}, {@code NOT_AUTHORIZED}, or null. */
    String status();

    /** The reason on {@code status: ERROR}, or null. */
    String error();

    /** The reason on {@code status: NOT_AUTHORIZED}, or null. */
    String message();

    /** {@code next_url}: the following page, without key, or null on the last page. */
    String nextUrl();
}
