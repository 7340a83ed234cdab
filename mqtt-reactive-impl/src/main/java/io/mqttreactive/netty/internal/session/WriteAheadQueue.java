package io.mqttreactive.netty.internal.session;

import io.mqttreactive.exception.MqttException;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs what must follow a session store write (a PUBLISH, PUBREL, PUBREC or PUBCOMP going out) once the write
 * completed, and in the order the writes were queued, whatever order the store signals in, so the packets
 * leave in the order the flow decided on ([MQTT-4.6.0-1] to [MQTT-4.6.0-4]). A step without a write waits only
 * for the steps before it; with nothing waiting it runs at once, in line, which is all that ever happens
 * without a store. Actions run on the event loop; a failed write runs the step's failure handler instead, with
 * the error mapped and reported by the {@link SessionJournal}. Holds at most one step per message in flight, so
 * it is bounded by the flow's window. Confined to the event loop.
 */
public final class WriteAheadQueue {

    private final EventExecutor loop;
    private final SessionJournal journal;
    private final ArrayDeque<Step> steps = new ArrayDeque<>();
    private boolean draining;

    WriteAheadQueue(EventExecutor loop, SessionJournal journal) {
        this.loop = loop;
        this.journal = journal;
    }

    /**
     * Runs {@code action} once {@code write} (if any) and every step queued before have completed.
     *
     * @param write     the store write to wait for, or {@code null} to wait only for the earlier steps
     * @param action    what to do once written
     * @param onFailure what to do instead if the write failed
     */
    public void after(SessionJournal.@Nullable Write write, Runnable action, Consumer<MqttException> onFailure) {
        if (write == null && steps.isEmpty()) {
            action.run();
            return;
        }
        Step step = new Step(write, action, onFailure);
        steps.add(step);
        if (write == null) {
            step.done = true;
            drain();
            return;
        }
        write.mono().subscribe(null, error -> onLoop(() -> finish(step, error)),
                () -> onLoop(() -> finish(step, null)));
    }

    /** Returns the number of steps waiting for their write or an earlier one. */
    public int waiting() {
        return steps.size();
    }

    private void finish(Step step, @Nullable Throwable error) {
        if (error != null) {
            step.failure = journal.failed(step.write.operation(), error);
        }
        step.done = true;
        drain();
    }

    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (!steps.isEmpty() && steps.peek().done) {
                Step step = steps.poll();
                if (step.failure == null) {
                    step.action.run();
                } else {
                    step.onFailure.accept(step.failure);
                }
            }
        } finally {
            draining = false;
        }
    }

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    private static final class Step {
        final SessionJournal.@Nullable Write write;
        final Runnable action;
        final Consumer<MqttException> onFailure;
        boolean done;
        @Nullable MqttException failure;

        Step(SessionJournal.@Nullable Write write, Runnable action, Consumer<MqttException> onFailure) {
            this.write = write;
            this.action = action;
            this.onFailure = onFailure;
        }
    }
}
