package dev.kontor.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.volume.VolumeGenerator;
import dev.kontor.volume.VolumeSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * How long the volume data takes to load into an H2 database file (the embedded default), freshly migrated under
 * target/volume-h2 (the PostgreSQL load is timed by {@link ScaleBenchmark}). Run by {@code ./mvnw test -Pbenchmark}.
 */
class VolumeLoadBenchmark {

    @Test
    void loads_the_volume_data_into_an_h2_file() throws Exception {
        Path directory = Path.of("target", "volume-h2");
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:./" + directory.resolve("kontor") + ";AUTO_SERVER=FALSE");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();
        double scale = Double.parseDouble(System.getProperty("kontor.benchmark.scale", "1"));
        VolumeSize size = VolumeSize.scaled(scale);
        VolumeGenerator.Result loaded = new VolumeGenerator(h2, size, 42,
                LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant(), System.out,
                System.console() != null).load();
        long bytes;
        try (Stream<Path> files = Files.walk(directory)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
        System.out.printf("BENCHMARK | Volume data load, H2 file (scale %s) | %,d rows | %.1f s | %,d MB on disk |%n",
                scale, loaded.rows(), loaded.took().toMillis() / 1e3, bytes >> 20);
        assertThat(loaded.users()).isPositive();
    }
}
