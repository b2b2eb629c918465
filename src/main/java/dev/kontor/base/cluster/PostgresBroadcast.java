package dev.kontor.base.cluster;

import com.vaadin.flow.shared.Registration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * The broadcast of several nodes on one PostgreSQL database. A change is a NOTIFY on one channel, sent inside the
 * announcing transaction: PostgreSQL delivers it when (and only when) that transaction commits, to every session
 * listening then, the announcer's own node included. Each node listens on a connection of its own (not one of the
 * pool's) and waits for notifications on it with PgJDBC's {@link PGConnection#getNotifications(int)}; when it stays
 * quiet the connection is checked, and a lost connection is opened again, after which every receiver reads its state
 * again because notifications sent in between are lost.
 */
final class PostgresBroadcast implements ClusterBroadcast, SmartLifecycle {

    static final String CHANNEL = "kontor_changes";
    private static final Logger log = LoggerFactory.getLogger(PostgresBroadcast.class);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final Receivers receivers = new Receivers();
    private final MalformedChanges malformed = new MalformedChanges(Instant::now);
    private final JdbcTemplate jdbc;
    private final String url;
    private final Properties login = new Properties();
    private final int quietMillis;
    private volatile boolean running;
    private volatile Connection listening;
    private Thread listener;

    PostgresBroadcast(DataSource dataSource, String url, String username, String password, Duration quiet) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.url = url;
        if (username != null) {
            login.setProperty("user", username);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        login.setProperty("ApplicationName", "kontor-broadcast");
        // a peer that vanished without closing the connection is noticed by the operating system too
        login.setProperty("tcpKeepAlive", "true");
        this.quietMillis = Math.toIntExact(quiet.toMillis());
    }

    @Override
    public void announce(String topic, long subjectId) {
        // in the caller's transaction, if any: PostgreSQL sends it at commit and drops it at rollback
        jdbc.query("select pg_notify(?, ?)", (ResultSetExtractor<Void>) rows -> null, CHANNEL,
                ClusterBroadcast.checkedTopic(topic) + ":" + subjectId);
    }

    @Override
    public Registration subscribe(String topic, Consumer<Change> receiver) {
        return receivers.add(topic, receiver);
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().name("kontor-listen").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly(listening);
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(Duration.ofSeconds(5));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        receivers.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration pause = Duration.ofSeconds(1);
        boolean lost = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, login)) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (lost) {
                    log.info("Listening for changes of other nodes again");
                }
                // listening before reading again, so that no change falls between the two
                receivers.deliverEverything();
                pause = Duration.ofSeconds(1);
                receive(connection.unwrap(PGConnection.class), connection);
            } catch (SQLException | RuntimeException failure) {
                if (!running) {
                    return;
                }
                lost = true;
                log.warn("Lost the connection that listens for changes of other nodes ({}); trying again in {} s",
                        failure.getMessage(), pause.toSeconds());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } finally {
                listening = null;
            }
        }
    }

    private void receive(PGConnection notifications, Connection connection) throws SQLException {
        while (running) {
            PGNotification[] received = notifications.getNotifications(quietMillis);
            if (received == null || received.length == 0) {
                // quiet: make sure the connection is still there (a dead peer sends nothing either)
                if (!connection.isValid(Math.max(1, quietMillis / 1000))) {
                    throw new SQLException("the listening connection does not answer");
                }
                continue;
            }
            for (PGNotification notification : received) {
                parse(notification.getParameter());
            }
        }
    }

    private void parse(String payload) {
        int colon = payload.lastIndexOf(':');
        try {
            receivers.deliver(Change.of(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1))));
        } catch (RuntimeException notAChange) {
            malformed.ignored(payload);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
