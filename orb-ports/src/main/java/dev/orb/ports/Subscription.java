package dev.orb.ports;

/** A live subscription; {@link #close()} stops delivery and never throws. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
