package dev.kontor.volume;

import dev.kontor.security.SecondFactors;
import dev.kontor.user.Callers;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the volume data set on start when {@code kontor.volume.enabled} is true (the {@code volume} profile), once,
 * into an empty database: a database that holds any organization or person is refused with an error, and Kontor
 * does not start. {@code kontor.volume.seed} chooses the data (the same seed gives the same rows),
 * {@code kontor.volume.scale} its size (1 = 100,000 accounts), {@code kontor.volume.as-of} the day its times count
 * back from (today unless given), {@code kontor.volume.people-files} a folder for the load test's people files (none
 * unless given; see {@code docs/performance-load.md}).
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty("kontor.volume.enabled")
class VolumeLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(VolumeLoader.class);
    /** Rows per people file: more different people than a load test of 1,000 users signs in as in half an hour. */
    private static final int PEOPLE_FILE_ROWS = 20_000;

    private final DataSource dataSource;
    private final SecondFactors secondFactors;
    private final Callers callers;
    private final long seed;
    private final double scale;
    private final String asOf;
    private final String peopleFiles;

    VolumeLoader(DataSource dataSource, SecondFactors secondFactors, @Value("${kontor.volume.seed:42}") long seed,
                 @Value("${kontor.volume.scale:1}") double scale, @Value("${kontor.volume.as-of:}") String asOf,
                 @Value("${kontor.volume.people-files:}") String peopleFiles, Callers callers) {
        this.callers = callers;
        this.dataSource = dataSource;
        this.secondFactors = secondFactors;
        this.seed = seed;
        this.scale = scale;
        this.asOf = asOf;
        this.peopleFiles = peopleFiles;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException, IOException {
        VolumeSize size = VolumeSize.scaled(scale);
        LocalDate day = asOf.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(asOf);
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        log.info("Loading volume data: seed {}, scale {} ({}), times counted back from {}", seed, scale, size, day);
        VolumeGenerator generator = new VolumeGenerator(dataSource, size, seed, start, System.out,
                System.console() != null);
        VolumeGenerator.Result result = generator.load();
        var task = callers.task("volume-data");
        result.peopleWithAuthenticator()
                .forEach(id -> secondFactors.importAuthenticator(task, id, VolumeGenerator.AUTHENTICATOR_SECRET));
        log.info("Volume data loaded: {} rows ({} people, {} memberships) in {} s; every volume person signs in "
                        + "with the password {}, staff and partners' people with the authenticator secret {}",
                result.rows(), result.users(), result.memberships(), result.took().toSeconds(),
                VolumeGenerator.PASSWORD, VolumeGenerator.AUTHENTICATOR_SECRET);
        if (!peopleFiles.isBlank()) {
            Path folder = Path.of(peopleFiles).toAbsolutePath();
            generator.writePeopleFiles(folder, PEOPLE_FILE_ROWS);
            log.info("The load test's people files are in {} (-Dkontor.load.people={} -Dkontor.load.password={})",
                    folder, folder, VolumeGenerator.PASSWORD);
        }
    }
}
