package network.higherself.console.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.OwnerOnly;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The console's log, in the data folder it works on: {@code logs/console.log}, rolled over at 5 MB into
 * {@code console.1.log} ... {@code console.5.log} (at most 30 MB in all), each file created readable by its owner only
 * before a line is written in it, like everything else in the data folder. Configured here in code rather than in
 * logback.xml because its place follows {@code --data-dir}; logback.xml keeps the levels and the standard-error output
 * (warnings and errors only, as before).
 *
 * <p>What is logged: start-up and its notices, sign-ins by name (never a name without an account, which is often a
 * password typed in the wrong field), the agents' runs, and every error nobody foresaw, with its stack trace. Never a
 * password or a password's hash: {@code LogKeepsNoSecretsTest} greps the log for them.
 */
final class ConsoleLog {

    static final String APPENDER = "data-folder-log";
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    private static final int KEPT_FILES = 5;
    private static final String MAX_FILE_SIZE = "5MB";

    private ConsoleLog() {
    }

    /**
     * From now on, logs to {@code folder}'s log file (replacing the file of another data folder this process logged
     * to). Returns the file, or null after telling {@code problems} in a sentence why there is none: the console works
     * without a log.
     */
    static Path writeTo(DataFolder folder, Consumer<String> problems) {
        Path file = folder.logFile();
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            problems.accept("The console keeps no log here: its logging library is not the one it was built with.");
            return null;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> current = root.getAppender(APPENDER);
        if (current instanceof RollingFileAppender<ILoggingEvent> rolling && file.toString().equals(rolling.getFile())
                && rolling.isStarted()) {
            return file;
        }
        stop(context);
        try {
            OwnerOnly.createFolder(file.getParent());
        } catch (IOException | RuntimeException e) {
            if (java.nio.file.Files.isDirectory(folder.path())) { // else the data folder's own sentence comes next
                problems.accept("The console keeps no log this time: the folder " + file.getParent() + " cannot be made ("
                        + e.getMessage() + ").");
            }
            return null;
        }
        OwnerOnlyFileAppender appender = new OwnerOnlyFileAppender();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file.getParent().resolve("console.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT_FILES);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(context);
        size.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
        size.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(size);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            problems.accept("The console keeps no log this time: " + file + " cannot be written.");
            return null;
        }
        root.addAppender(appender);
        return file;
    }

    /** Stops logging to a data folder's file (a test's data folder is deleted after it). */
    static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            stop(context);
        }
    }

    private static void stop(LoggerContext context) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> old = root.getAppender(APPENDER);
        if (old != null) {
            root.detachAppender(old);
            old.stop();
        }
    }

    /** Creates each log file owner-only before logback opens it: at start and at each rollover. */
    private static final class OwnerOnlyFileAppender extends RollingFileAppender<ILoggingEvent> {
        @Override
        public void openFile(String fileName) throws IOException {
            OwnerOnly.createFile(Path.of(fileName));
            super.openFile(fileName);
        }
    }
}
