package dev.kontor.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.account.AccountService;
import dev.kontor.audit.AuditFilter;
import dev.kontor.audit.AuditQueries;
import dev.kontor.partner.ManagedCustomerFilter;
import dev.kontor.partner.ManagedCustomerService;
import dev.kontor.partner.TestRequests;
import dev.kontor.postgres.EmptyPostgresDatabase;
import dev.kontor.tenant.TenantTestData;
import dev.kontor.tenant.TenantTree;
import dev.kontor.tenant.TreeFilter;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.NoVaadinLeftovers;
import dev.kontor.testing.Outbox;
import dev.kontor.testing.TestClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The main screens' statements at a tenth of the volume data on PostgreSQL (10,000 accounts, 30,000 contacts,
 * 100,000 audit events, a tree of 1,000 tenants), after ANALYZE: the statements each service call sends are recorded
 * as sent (with their parameters) and explained, and none may read a big table from start to end or run in parallel
 * workers. Plans, not timings: the timings are in the benchmark (docs/performance.md).
 */
@ExtendWith(NoVaadinLeftovers.class)
@SpringBootTest(properties = {VolumeDataChecks.PROPERTIES, VolumeDataChecks.VOLUME, "kontor.volume.scale=0.1",
        VolumeDataChecks.AS_OF})
@ActiveProfiles({"test", "postgres"})
@Import({MainQueryPlansOnPostgresTest.Recording.class, TestClock.class, Fixtures.class, Outbox.class,
        TestRequests.class, TenantTestData.class, EmptyPostgresDatabase.class})
class MainQueryPlansOnPostgresTest {

    /** The tables that grow with the accounts; the relationships (5,000 here) are few enough to read whole. */
    private static final List<String> BIG_TABLES = List.of("organization", "customer_account", "app_user",
            "membership", "contact", "service", "audit_event");
    private static final List<QueryInfo> SENT = Collections.synchronizedList(new ArrayList<>());

    /** Records every statement with its parameters, so that the test explains exactly what the services send. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {
        @Bean
        static BeanPostProcessor recordingDataSource() {
            QueryExecutionListener listener = new QueryExecutionListener() {
                @Override
                public void beforeQuery(net.ttddyy.dsproxy.ExecutionInfo execution, List<QueryInfo> queries) {
                }

                @Override
                public void afterQuery(net.ttddyy.dsproxy.ExecutionInfo execution, List<QueryInfo> queries) {
                    SENT.addAll(queries);
                }
            };
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                        return ProxyDataSourceBuilder.create(dataSource).name("recorded").listener(listener)
                                .build();
                    }
                    return bean;
                }
            };
        }
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ManagedCustomerService managedCustomers;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditQueries audit;

    @Autowired
    TenantTree tree;

    @Test
    void the_main_screens_read_no_big_table_whole() throws Exception {
        Map<String, List<QueryInfo>> calls = new LinkedHashMap<>();
        String partnerAdmin = VolumeGenerator.partnerEmail(1, "admin");
        long partner = fixtures.as(partnerAdmin, () -> {
            long id = 2 + 1;
            calls.put("managed customers: first page", record(() -> managedCustomers.rows(id,
                    ManagedCustomerFilter.none(), PageRequest.of(0, 50, Sort.by("customerNumber")))));
            calls.put("managed customers: count", record(() -> managedCustomers.count(id,
                    ManagedCustomerFilter.none())));
            calls.put("managed customers: by name", record(() -> managedCustomers.rows(id,
                    new ManagedCustomerFilter("bäckerei", false), PageRequest.of(0, 50, Sort.by("name")))));
            calls.put("managed customers: count by name", record(() -> managedCustomers.count(id,
                    new ManagedCustomerFilter("bäckerei", false))));
            return id;
        });
        assertThat(partner).isEqualTo(3);
        fixtures.as(VolumeGenerator.managerEmail(0), () -> calls.put("dashboard of 300 accounts",
                record(() -> accounts.myAccounts("", PageRequest.of(0, 24)))));
        AuditFilter lastMonth = new AuditFilter(Instant.now().minus(Duration.ofDays(30)), null, "", "",
                "CONTACT_PERSON_CHANGED");
        fixtures.as(VolumeGenerator.managerEmail(1), () -> calls.put("audit log of a manager",
                record(() -> audit.rows(lastMonth, PageRequest.of(0, 50)))));
        AuditFilter byActor = new AuditFilter(Instant.now().minus(Duration.ofDays(30)), null, "manager-0000", "",
                "");
        fixtures.as("support-01@" + VolumeGenerator.DOMAIN, () -> {
            calls.put("audit log for support", record(() -> audit.rows(lastMonth, PageRequest.of(0, 50))));
            calls.put("audit log for support: count by kind", record(() -> audit.count(lastMonth)));
            calls.put("audit log for support: by actor", record(() -> audit.rows(byActor, PageRequest.of(0, 50))));
            calls.put("audit log for support: count by actor", record(() -> audit.count(byActor)));
        });
        fixtures.as(VolumeGenerator.partnerEmail(0, "admin"), () -> {
            long root = 2L + VolumeSize.scaled(0.1).partners() + VolumeSize.scaled(0.1).customers();
            calls.put("tenant tree: expand a tenant", record(() -> tree.children(root, TreeFilter.NONE, 0, 50)));
            calls.put("tenant tree: count children", record(() -> tree.countChildren(root, TreeFilter.NONE)));
            // the partner's own node lists its tenants and the customers whose tenants it manages
            long partnerNode = 2L;
            calls.put("tenant tree: expand the partner", record(() -> tree.children(partnerNode, TreeFilter.NONE, 0,
                    50)));
            calls.put("tenant tree: count the partner's children", record(() -> tree.countChildren(partnerNode,
                    TreeFilter.NONE)));
        });

        List<String> scans = new ArrayList<>();
        List<String> parallel = new ArrayList<>();
        try (Connection connection = dataSource.unwrap(DataSource.class).getConnection()) {
            // a generic plan, made for an average partner, would read a large partner's rows whole
            try (var setting = connection.createStatement().executeQuery("SHOW plan_cache_mode")) {
                assertThat(setting.next()).isTrue();
                assertThat(setting.getString(1)).isEqualTo("force_custom_plan");
            }
            // parallel workers cost more than they save on a node of a few shared cores
            try (var setting = connection.createStatement().executeQuery("SHOW max_parallel_workers_per_gather")) {
                assertThat(setting.next()).isTrue();
                assertThat(setting.getString(1)).isEqualTo("0");
            }
            for (var call : calls.entrySet()) {
                assertThat(call.getValue()).as(call.getKey()).isNotEmpty();
                for (QueryInfo query : call.getValue()) {
                    if (!query.getQuery().stripLeading().toLowerCase().startsWith("select")) {
                        continue;
                    }
                    List<String> plan = explain(connection, query);
                    for (String line : plan) {
                        if (line.contains("Gather")) {
                            parallel.add(call.getKey() + ": " + line.strip() + "\n    in " + query.getQuery());
                        }
                        for (String table : BIG_TABLES) {
                            if (line.matches(".*Seq Scan on " + table + "\\b.*")) {
                                scans.add(call.getKey() + ": " + line.strip() + "\n    in " + query.getQuery()
                                        + "\n    " + String.join("\n    ", plan));
                            }
                        }
                    }
                }
            }
        }
        assertThat(scans).as("sequential scans of big tables").isEmpty();
        assertThat(parallel).as("parallel plans").isEmpty();
    }

    private static List<QueryInfo> record(java.util.function.Supplier<?> call) {
        SENT.clear();
        call.get();
        return List.copyOf(SENT);
    }

    /** EXPLAIN of the statement as sent: the same text, its parameters set by the same calls. */
    private static List<String> explain(Connection connection, QueryInfo query) throws Exception {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query.getQuery())) {
            if (!query.getParametersList().isEmpty()) {
                for (ParameterSetOperation operation : query.getParametersList().getFirst()) {
                    operation.getMethod().invoke(explain, operation.getArgs());
                }
            }
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
        }
        return plan;
    }
}
