package dev.kontor.account;

import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import net.ttddyy.dsproxy.QueryCount;
import net.ttddyy.dsproxy.QueryCountHolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Add manager answers alike for an address Kontor does not know, a person it knows, and someone who is a manager of
 * the account already; this measures whether the time says otherwise, with the answer time of the default
 * configuration. It prints, per kind of address, the mean time over 20 tries and the statements sent, for the
 * record: times are not asserted, since the machine's load varies.
 */
@IntegrationTest
@TestPropertySource(properties = "kontor.invitation.answer-time=250ms")
class AddManagerTimingTest {

    private static final int TRIES = 20;

    @Autowired
    ManagerService managers;

    @Autowired
    Fixtures fixtures;

    @Test
    void add_manager_is_timed_for_unknown_known_and_existing_addresses() {
        TestAccount account = fixtures.account("Alice", "Bob");
        List<String> known = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            known.add(fixtures.person("Known"));
            String member = "member-" + UUID.randomUUID() + "@example.test";
            add(account, member);
            members.add(member);
        }
        // warms up every path once, so that the first measured path pays for no class loading
        add(account, "warm-" + UUID.randomUUID() + "@example.test");
        add(account, fixtures.person("Warm"));
        add(account, members.getFirst());

        Map<String, IntFunction<String>> kinds = new LinkedHashMap<>();
        kinds.put("unknown address", i -> "unknown-" + UUID.randomUUID() + "@example.test");
        kinds.put("known person", known::get);
        kinds.put("invited already", members::get);
        kinds.put("active manager", i -> account.email(i % 2 == 0 ? "Alice" : "Bob"));
        Map<String, Measurement> results = new LinkedHashMap<>();
        kinds.keySet().forEach(kind -> results.put(kind, new Measurement()));
        // the kinds take turns, so that warming up and the growing tables weigh on each alike
        for (int i = 0; i < TRIES; i++) {
            for (Map.Entry<String, IntFunction<String>> kind : kinds.entrySet()) {
                results.get(kind.getKey()).time(account, kind.getValue().apply(i));
            }
        }

        results.forEach((kind, result) -> System.out.printf(
                "ADD MANAGER TIMING: %-16s mean %.2f ms over %d tries; statements per try: %s%n", kind,
                result.meanMillis(), TRIES, result.statements()));
    }

    /** The time and the statements of one kind of address, summed over its tries. */
    private final class Measurement {
        private long nanos;
        private long select;
        private long insert;
        private long update;
        private long delete;

        void time(TestAccount account, String email) {
            QueryCountHolder.clear();
            long started = System.nanoTime();
            add(account, email);
            nanos += System.nanoTime() - started;
            QueryCount count = QueryCountHolder.get("counted");
            select += count.getSelect();
            insert += count.getInsert();
            update += count.getUpdate();
            delete += count.getDelete();
        }

        double meanMillis() {
            return nanos / 1_000_000.0 / TRIES;
        }

        String statements() {
            return String.format("%d select, %d insert, %d update, %d delete", select / TRIES, insert / TRIES,
                    update / TRIES, delete / TRIES);
        }
    }

    private void add(TestAccount account, String email) {
        fixtures.as(account.email("Alice"), () -> managers.addManager(account.id(), email, "Timed Person",
                Locale.ENGLISH));
    }

}
