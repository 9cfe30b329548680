/**
 * The runnable orb application: {@link dev.orb.app.Main}, a picocli command line with one class per subcommand
 * ({@code backtest}, {@code generate-data}; the live commands of issue 8 join as further subcommands). Only this
 * module wires concrete adapters and the logging backend.
 */
package dev.orb.app;
