package dev.kontor.replace;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kontor.account.AccountService;
import dev.kontor.base.RuleViolation;
import dev.kontor.contact.ContactProvisioning;
import dev.kontor.contact.ContactService;
import dev.kontor.contact.ContactType;
import dev.kontor.contact.NewContact;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.testing.Fixtures;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applying a replacement: the ticked places go through the single changes' services in the background, each audited
 * as the acting person's change, and a change someone made between preview and apply is reported, never
 * overwritten. Run on H2 and PostgreSQL.
 */
abstract class ReplacementApplyRules {

    @Autowired
    PersonReplacement replacement;

    @Autowired
    ReplacementWorker worker;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    AccountService accounts;

    @Autowired
    ContactProvisioning contactProvisioning;

    @Autowired
    ContactService contacts;

    @Autowired
    JdbcTemplate jdbc;

    ReplacementWorld world;

    @BeforeEach
    void world() {
        world = new ReplacementWorld(fixtures, onboarding, accounts, contactProvisioning, jdbc);
    }

    @Test
    void a_manager_of_several_accounts_hands_the_contact_person_to_the_successor_wherever_the_rules_allow() {
        PreparedReplacement prepared = fixtures.as(world.max, () -> replacement.prepare(world.lea, world.sam));
        int ticked = fixtures.as(world.max, () -> replacement.selectAll(prepared.id()));
        assertThat(ticked).isEqualTo((int) prepared.replaceable());

        ReplacementProgress done = applyAndWait(world.max, prepared.id());

        assertThat(done.finished()).isTrue();
        assertThat(done.done()).isEqualTo(ticked);
        assertThat(contactPersonOf(world.accountA)).isEqualTo(fixtures.userIdOf(world.sam));
        assertThat(managerRoles(world.lea, world.accountA)).isZero();
        // B had no successor among its managers: nothing changed there
        assertThat(contactPersonOf(world.accountB)).isEqualTo(fixtures.userIdOf(world.lea));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = 'CONTACT_PERSON_CHANGED' "
                + "and organization_id = ? and actor_email = ?", Long.class, world.accountA, world.max)).isOne();
    }

    @Test
    void offboarding_removes_the_deputy_the_manager_role_and_the_contact_and_the_summary_says_so() throws Exception {
        PreparedReplacement prepared = fixtures.as(world.max, () -> replacement.prepare(world.lea, null));
        fixtures.as(world.max, () -> replacement.selectAll(prepared.id()));

        applyAndWait(world.max, prepared.id());

        assertThat(jdbc.queryForObject("select deputy_id from customer_account where organization_id = ?",
                Long.class, world.accountD)).isNull();
        assertThat(managerRoles(world.lea, world.accountD)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from contact where id = ?", Long.class,
                world.leaContactInD)).isZero();
        StringWriter csv = new StringWriter();
        fixtures.as(world.max, () -> {
            try {
                replacement.summaryCsv(prepared.id(), csv, Locale.ENGLISH);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(csv.toString().lines().skip(1).toList()).hasSize(3).allSatisfy(line ->
                assertThat(line).contains("Account D " + world.tag).contains(",REMOVE,DONE,"));
        assertThat(csv.toString()).startsWith("organization,customer number,place,role,contact types,outcome,");
        StringWriter german = new StringWriter();
        fixtures.as(world.max, () -> {
            try {
                replacement.summaryCsv(prepared.id(), german, Locale.GERMAN);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(german.toString()).startsWith("Organisation;Kundennummer;Stelle;Rolle;Kontakttypen;Ergebnis;");
    }

    @Test
    void a_change_made_between_preview_and_apply_is_reported_as_changed_meanwhile_and_never_overwritten() {
        PreparedReplacement prepared = fixtures.as(world.max, () -> replacement.prepare(world.lea, world.sam));
        fixtures.as(world.max, () -> replacement.selectAll(prepared.id()));
        // meanwhile: someone changes account A (Sam becomes deputy) and offboarding would see another A
        long versionA = jdbc.queryForObject("select version from customer_account where organization_id = ?",
                Long.class, world.accountA);
        fixtures.as(world.max, () -> accounts.changeDeputy(world.accountA, versionA, fixtures.userIdOf(world.max)));
        long leasManagerInA = jdbc.queryForObject("select id from membership where user_id = ? and organization_id = ? "
                + "and role = 'MANAGER'", Long.class, fixtures.userIdOf(world.lea), world.accountA);
        jdbc.update("update membership set version = version + 1 where id = ?", leasManagerInA);

        ReplacementProgress done = applyAndWait(world.max, prepared.id());

        assertThat(done.refused()).isEqualTo(2);
        assertThat(contactPersonOf(world.accountA)).isEqualTo(fixtures.userIdOf(world.lea));
        assertThat(managerRoles(world.lea, world.accountA)).isOne();
        assertThat(fixtures.as(world.max, () -> replacement.items(prepared.id(), PageRequest.of(0, 100))))
                .filteredOn(i -> i.organizationId() == world.accountA)
                .extracting(ReplacementItem::place, ReplacementItem::result, ReplacementItem::resultMessage)
                .containsExactly(
                        tuple(Place.CONTACT_PERSON, ReplacementItem.Result.REFUSED, "replace.changed-meanwhile"),
                        tuple(Place.MANAGER, ReplacementItem.Result.REFUSED, "replace.changed-meanwhile"));
    }

    @Test
    void a_contact_changed_meanwhile_stays_as_its_editor_left_it() {
        PreparedReplacement prepared = fixtures.as(world.max, () -> replacement.prepare(world.lea, null));
        long contactItem = fixtures.as(world.max, () -> replacement.items(prepared.id(), PageRequest.of(0, 100)))
                .stream().filter(i -> i.place() == Place.CONTACT).findFirst().orElseThrow().id();
        fixtures.as(world.max, () -> replacement.select(prepared.id(), contactItem, true));
        long version = jdbc.queryForObject("select version from contact where id = ?", Long.class,
                world.leaContactInD);
        fixtures.as(world.max, () -> contacts.change(world.accountD, world.leaContactInD, new NewContact(null, "Lea",
                "Leaving", world.lea, null, "Still here", EnumSet.of(ContactType.TECHNICAL)), version, Locale.ENGLISH));

        ReplacementProgress done = applyAndWait(world.max, prepared.id());

        assertThat(done.refused()).isOne();
        assertThat(jdbc.queryForObject("select job_title from contact where id = ?", String.class,
                world.leaContactInD)).isEqualTo("Still here");
    }

    @Test
    void only_what_can_be_applied_is_ticked_and_a_replacement_is_started_once() {
        PreparedReplacement prepared = fixtures.as(world.max, () -> replacement.prepare(world.lea, world.sam));
        List<ReplacementItem> items = fixtures.as(world.max, () -> replacement.items(prepared.id(),
                PageRequest.of(0, 100)));
        long refusedItem = items.stream().filter(i -> i.outcome() == Outcome.REFUSED).findFirst().orElseThrow().id();

        fixtures.as(world.max, () -> {
            assertThatThrownBy(() -> replacement.select(prepared.id(), refusedItem, true))
                    .isInstanceOfSatisfying(RuleViolation.class,
                            refused -> assertThat(refused.messageKey()).isEqualTo("replace.item-not-selectable"));
            assertThatThrownBy(() -> replacement.apply(prepared.id()))
                    .isInstanceOfSatisfying(RuleViolation.class,
                            refused -> assertThat(refused.messageKey()).isEqualTo("replace.nothing-selected"));
            replacement.selectAll(prepared.id());
            replacement.apply(prepared.id());
            assertThatThrownBy(() -> replacement.apply(prepared.id()))
                    .isInstanceOfSatisfying(RuleViolation.class,
                            refused -> assertThat(refused.messageKey()).isEqualTo("replace.already-applied"));
        });
        applyAndWait(world.max, prepared.id());
    }

    @Test
    void two_workers_racing_after_a_restart_apply_each_place_exactly_once() throws Exception {
        String leaving = fixtures.person("Leaving");
        long leavingId = fixtures.userIdOf(leaving);
        int accountCount = 40;
        String many = fixtures.managerOfMany(accountCount,
                account -> onboarding.grant(TestTasks.setUp(), leavingId, account,
                        dev.kontor.organization.MembershipRole.MANAGER));
        PreparedReplacement prepared = fixtures.as(many, () -> replacement.prepare(leaving, null));
        fixtures.as(many, () -> {
            replacement.selectAll(prepared.id());
            replacement.apply(prepared.id());
        });
        // a node applies a few places and dies: what it committed stays, the rest waits at the cursor
        for (int i = 0; i < 5; i++) {
            worker.step(prepared.id());
        }
        assertThat(fixtures.as(many, () -> replacement.progress(prepared.id())).done()).isEqualTo(5);

        dev.kontor.testing.Races.race(() -> worker.runFor(prepared.id()), () -> worker.runFor(prepared.id()));
        ReplacementProgress done = applyAndWait(many, prepared.id());

        assertThat(done.done()).isEqualTo(accountCount);
        assertThat(jdbc.queryForObject("select count(*) from membership where user_id = ?", Long.class, leavingId))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = 'MEMBERSHIP_REMOVED' "
                + "and actor_email = ?", Long.class, many)).isEqualTo(accountCount);
        assertThat(jdbc.queryForObject("select count(*) from person_replacement_item where replacement_id = ? "
                + "and result = 'DONE'", Long.class, prepared.id())).isEqualTo(accountCount);
    }

    private ReplacementProgress applyAndWait(String actor, long id) {
        fixtures.as(actor, () -> {
            if (replacement.progress(id).state() == ReplacementProgress.State.PREVIEW) {
                replacement.apply(id);
            }
        });
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        ReplacementProgress progress;
        do {
            worker.runFor(id);
            progress = fixtures.as(actor, () -> replacement.progress(id));
        } while (!progress.finished() && Instant.now().isBefore(until));
        assertThat(progress.finished()).as("finished within 30 s").isTrue();
        assertThat(progress.done() + progress.refused()).isEqualTo(progress.selected());
        return progress;
    }

    private long contactPersonOf(long account) {
        return jdbc.queryForObject("select contact_person_id from customer_account where organization_id = ?",
                Long.class, account);
    }

    private long managerRoles(String email, long account) {
        return jdbc.queryForObject("select count(*) from membership where user_id = ? and organization_id = ? "
                + "and role = 'MANAGER'", Long.class, fixtures.userIdOf(email), account);
    }
}
