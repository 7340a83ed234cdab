package io.mqttreactive.netty.internal.client;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * Passes a publish's cancellation on to the one callback that whoever holds the publish now registered, whichever
 * comes first: a callback registered after the cancellation runs at once. A sink that hands a publish on (the
 * offline queue, a stream's result slot) keeps one, since the caller's sink takes a single cancel callback.
 */
final class CancelRelay {

    private volatile boolean cancelled;
    private volatile @Nullable Disposable callback;

    /** Registers the callback to run on cancel, replacing an earlier one; runs it now if already cancelled. */
    void onCancel(Disposable callback) {
        this.callback = callback;
        if (cancelled) {
            callback.dispose();
        }
    }

    /** Cancels, running the registered callback if there is one. */
    void cancel() {
        cancelled = true;
        Disposable registered = callback;
        if (registered != null) {
            registered.dispose();
        }
    }

    boolean isCancelled() {
        return cancelled;
    }
}
