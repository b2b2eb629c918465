package dev.kontor.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web server interrupts its threads (a browser that goes away in the middle of an upload, a push connection that
 * closes). On H2's plain file system an interrupt during file I/O closes the file under the whole database ("The
 * database has been closed", "File corrupted while reading record"): one person's dropped upload would take
 * Kontor down for everyone. The embedded default uses H2's asynchronous file channel, which an interrupt does
 * not close: only the interrupted call gives up.
 */
class EmbeddedDatabaseInterruptTest {

    @TempDir
    Path directory;

    @Test
    void the_embedded_default_uses_the_file_system_that_survives_interrupted_threads() throws Exception {
        assertThat(configuredUrl()).startsWith("jdbc:h2:async:");
    }

    @Test
    void threads_interrupted_again_and_again_while_they_use_the_database_break_nothing() throws Exception {
        String url = configuredUrl().replace("./data/kontor", directory.resolve("kontor").toString());
        // someone else, signed in at the same time, whose work must go on
        Connection bystander = DriverManager.getConnection(url, "sa", "");
        bystander.createStatement().execute("create table logo(id int auto_increment primary key, bytes blob)");
        List<String> failures = new ArrayList<>();
        Thread worker = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 300; i++) {
                Thread.interrupted(); // a pooled thread is reused after an interrupt, as a server's are
                try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                    PreparedStatement insert = connection.prepareStatement("insert into logo(bytes) values (?)");
                    insert.setBytes(1, new byte[20_000]);
                    insert.executeUpdate();
                } catch (Exception failure) {
                    if (!interrupted(failure)) {
                        failures.add(String.valueOf(failure.getMessage()).lines().findFirst().orElse(""));
                    }
                }
            }
        });
        while (worker.isAlive()) {
            Thread.sleep(1);
            worker.interrupt();
        }

        assertThat(failures).as("nothing but the interrupted call itself may fail").isEmpty();
        bystander.createStatement().execute("insert into logo(bytes) values (null)");
        try (bystander; ResultSet count = bystander.createStatement().executeQuery("select count(*) from logo")) {
            count.next();
            assertThat(count.getLong(1)).isGreaterThan(1);
        }
    }

    /** The call that was interrupted may give up; that is the interrupt's purpose. */
    private static boolean interrupted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private static String configuredUrl() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedDatabaseInterruptTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty("spring.datasource.url");
    }
}
