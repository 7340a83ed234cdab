package io.mqttreactive.netty.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every line of some loggers at TRACE, kept out of the console, until {@link #close()} restores their
 * levels and appenders; {@link #text(ILoggingEvent)} is a line as any appender could write it, causes included.
 */
final class CapturedLog implements AutoCloseable {

    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final List<Boolean> additivity = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLog(String... names) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setContext(context);
        appender.start();
        for (String name : names) {
            Logger logger = context.getLogger(name);
            loggers.add(logger);
            levels.add(logger.getLevel());
            additivity.add(logger.isAdditive());
            logger.addAppender(appender);
            logger.setAdditive(false);
            logger.setLevel(Level.TRACE);
        }
    }

    static CapturedLog atTrace(String... loggerNames) {
        return new CapturedLog(loggerNames);
    }

    /** @return a copy of the lines captured so far */
    List<ILoggingEvent> lines() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    static String text(ILoggingEvent line) {
        StringBuilder text = new StringBuilder(line.getFormattedMessage());
        for (IThrowableProxy cause = line.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            text.append('\n').append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            Logger logger = loggers.get(i);
            logger.setLevel(levels.get(i));
            logger.setAdditive(additivity.get(i));
            logger.detachAppender(appender);
        }
        appender.stop();
    }
}
