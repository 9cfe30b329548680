/**
 * JMH benchmarks of docs/performance.md: {@link dev.orb.benchmarks.BacktestBenchmark} (flat files to trades,
 * gzip + parse + simulate), {@link dev.orb.benchmarks.ScanBenchmark} (one full-market scan of 10,000 symbols)
 * and {@link dev.orb.benchmarks.AtrBenchmark} (ATR14/ADV14 against ta4j-core 0.17, side by side).
 */
package dev.orb.benchmarks;
