package dev.orb.dashboard;

/**
 * The scanner and market-data jobs of the host application, behind {@code /api/scanner/run}, {@code /sync} and
 * {@code /health}. orb-core decides; fetching bars and scheduling scans belong to the host, which implements this
 * (the example app does). Methods may block for as long as the job takes and are called on a request thread; they
 * must be safe for concurrent use (the dashboard does not serialise them). Failures are reported in the returned
 * {@link ServiceReport}, not thrown.
 */
public interface ScannerServices {
    /** Services that are not available: every call reports so. */
    ScannerServices NONE = new ScannerServices() {
        @Override
        public ServiceReport runScan(String operator) {
            return ServiceReport.failed("no scanner is configured in this application");
        }

        @Override
        public ServiceReport syncMarketData(String operator) {
            return ServiceReport.failed("no market-data sync is configured in this application");
        }

        @Override
        public ServiceReport health() {
            return ServiceReport.failed("no scanner is configured in this application");
        }
    };

    /**
     * Runs today's scan now (universe, opening ranges, ranking) and hands the result to the session, as the
     * scheduler would at 09:35.
     *
     * @param operator who asked ({@code operator:alice})
     */
    ServiceReport runScan(String operator);

    /**
     * Fetches missing daily bars and refreshes the nightly universe.
     *
     * @param operator who asked
     */
    ServiceReport syncMarketData(String operator);

    /** Whether the data feeds and the scheduler are healthy, with what the host knows (last sync, lag…). */
    ServiceReport health();
}
