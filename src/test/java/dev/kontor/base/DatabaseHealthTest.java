package dev.kontor.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import dev.kontor.testing.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * /actuator/health asks the database for a working connection: a database Kontor cannot use makes it say DOWN (503),
 * so that a monitor or load balancer sees it, and still nothing more than the word.
 */
@IntegrationTest
@AutoConfigureMockMvc
class DatabaseHealthTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    HealthContributorRegistry health;

    @Test
    void the_health_endpoint_says_up_while_the_database_answers() throws Exception {
        assertThat(health.getContributor("db")).as("the database's health indicator").isNotNull();

        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP")).andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void a_database_that_gives_no_working_connection_makes_the_health_endpoint_say_down() throws Exception {
        HikariDataSource unusable = new HikariDataSource();
        unusable.setJdbcUrl("jdbc:h2:mem:gone-" + UUID.randomUUID());
        unusable.close();
        HealthContributor real = health.unregisterContributor("db");
        try {
            health.registerContributor("db", new DataSourceHealthIndicator(unusable, "select 1"));

            mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value("DOWN"))
                    .andExpect(jsonPath("$.components").doesNotExist())
                    .andExpect(jsonPath("$.details").doesNotExist());
        } finally {
            health.unregisterContributor("db");
            health.registerContributor("db", real);
        }
    }
}
