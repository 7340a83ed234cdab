package io.mqttreactive.internal;

import org.jspecify.annotations.Nullable;

/**
 * The slot through which the message type lends the implementation its payload arrays without the defensive
 * copies of the public API. The message type registers its {@link Lender} when it is initialized; this package
 * names no message type, so the dependency runs one way, from the message package to this one. Exported to the
 * implementation module only; not part of the public API.
 */
public final class PayloadLending {

    private static volatile @Nullable Lender<?, ?> lender;

    private PayloadLending() {
    }

    /**
     * Registers the message type's lender; called once, by that type's static initializer.
     *
     * @throws IllegalStateException if a lender is registered already
     */
    public static synchronized void register(Lender<?, ?> messageLender) {
        if (lender != null) {
            throw new IllegalStateException("a payload lender is registered already");
        }
        lender = messageLender;
    }

    /** Returns the registered lender, or {@code null} before the message type is initialized. */
    public static @Nullable Lender<?, ?> lender() {
        return lender;
    }

    /**
     * Gives and takes payload arrays without copying them. Neither side changes an array once lent.
     *
     * @param <B> the message builder type
     * @param <M> the message type
     */
    public interface Lender<B, M> {

        /** Sets {@code payload} as the builder's payload without copying it, after checking its size. */
        void adopt(B builder, byte[] payload);

        /** Returns the message's own payload array, not a copy. */
        byte[] read(M message);
    }
}
