package dev.kontor.base.cluster;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the broadcast by the database: on PostgreSQL every node hears every other through LISTEN/NOTIFY; on any
 * other database (the embedded H2, one node by nature) changes stay in this process.
 */
@Configuration(proxyBeanMethods = false)
class ClusterBroadcastConfiguration {

    @Bean
    ClusterBroadcast clusterBroadcast(DataSource dataSource, DataSourceProperties properties,
                                      @Value("${kontor.cluster.listen-check:5s}") Duration quiet) {
        String url = properties.determineUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return new PostgresBroadcast(dataSource, url, properties.determineUsername(),
                    properties.determinePassword(), quiet);
        }
        return new LocalBroadcast();
    }
}
