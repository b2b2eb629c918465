package dev.kontor.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.invitation.InvitationService;
import dev.kontor.organization.StaffFilter;
import dev.kontor.testing.Races;
import dev.kontor.testing.Races.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContextManager;

/**
 * The first provider administrator of a new installation, started as an operator would: Kontor started with
 * {@code kontor.bootstrap.admin-email} on an empty database invites that address once (the link in the log at WARN
 * and in the outbox); a second start with the same setting does nothing but say so; a malformed address creates
 * nothing and says why; two nodes starting at once invite once. The subclasses name the Spring contexts (each start
 * is a context of its own on a database of its own) for H2 and PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class FirstAdministratorStarts {

    public static final String ADMIN_EMAIL = "first-admin@example.test";
    public static final String BAD_EMAIL = "first admin at example";
    private static final Pattern LINK = Pattern.compile("https?://\\S+/invitation/([A-Za-z0-9_-]+)");

    private final List<TestContextManager> started = new ArrayList<>();
    private final Starts starts;

    /**
     * The four starts' test classes, each naming its Spring context: {@code first} with the address on an empty
     * database; {@code second} again with the same address on the first start's database; {@code malformed} with a
     * malformed address and {@code quiet} without the setting, each on an empty database of its own.
     */
    public record Starts(Class<?> first, Class<?> second, Class<?> malformed, Class<?> quiet) {
    }

    protected FirstAdministratorStarts(Starts starts) {
        this.starts = starts;
    }

    @AfterEach
    void stop() {
        started.forEach(manager -> manager.getTestContext().markApplicationContextDirty(HierarchyMode.EXHAUSTIVE));
    }

    @Test
    public void the_first_start_invites_once_and_a_second_start_does_nothing_and_the_invitee_becomes_administrator(
            CapturedOutput output) throws Exception {
        ApplicationContext first = start(starts.first());
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);

        assertThat(jdbc.queryForList("select name from organization where kind = 'PROVIDER'", String.class))
                .containsExactly(ProviderBootstrap.DEFAULT_PROVIDER_NAME);
        assertThat(jdbc.queryForObject("select m.state from membership m join app_user u on u.id = m.user_id "
                + "where u.email = ? and m.role = 'PROVIDER_ADMINISTRATOR'", String.class, ADMIN_EMAIL))
                .isEqualTo("INVITED");
        List<String> warnings = output.getOut().lines()
                .filter(line -> line.contains(" WARN ") && line.contains("First provider administrator invited"))
                .toList();
        assertThat(warnings).singleElement().satisfies(line -> assertThat(line).contains(ADMIN_EMAIL));
        String token = token(warnings.getFirst());
        assertThat(jdbc.queryForList("select body from outgoing_mail where recipient = ?", String.class, ADMIN_EMAIL))
                .singleElement().satisfies(body -> assertThat(body).contains("/invitation/" + token));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind in "
                + "('ORGANIZATION_CREATED', 'MEMBERSHIP_GRANTED', 'INVITATION_ISSUED')", Integer.class)).isEqualTo(3);
        int invitationsAfterFirst = count(jdbc, "invitation");
        int logLinesAfterFirst = warnings.size();
        stopAll();

        ApplicationContext second = start(starts.second());
        JdbcTemplate again = second.getBean(JdbcTemplate.class);
        assertThat(count(again, "invitation")).isEqualTo(invitationsAfterFirst);
        assertThat(count(again, "organization")).isOne();
        assertThat(output.getOut().lines().filter(line -> line.contains("First provider administrator invited")))
                .hasSize(logLinesAfterFirst);
        assertThat(output.getOut().lines().filter(line -> line.contains(" INFO ")
                && line.contains("An invitation to become provider administrator is still open until"))).hasSize(1);

        second.getBean(InvitationService.class).accept(token, "Kirschbaum blüht im April 77");

        UserDetails signedIn = second.getBean(UserDetailsService.class).loadUserByUsername(ADMIN_EMAIL);
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).contains("ROLE_PROVIDER_ADMINISTRATOR");
        assertThat(second.getBean(PasswordEncoder.class).matches("Kirschbaum blüht im April 77",
                signedIn.getPassword())).isTrue();
        long staff = as(second, signedIn, () -> second.getBean(ProviderStaff.class).count(StaffFilter.all()));
        assertThat(staff).isOne();
    }

    @Test
    public void a_malformed_address_is_refused_with_a_clear_line_in_the_log_and_nothing_is_created(
            CapturedOutput output) throws Exception {
        ApplicationContext context = start(starts.malformed());
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

        assertThat(output.getOut().lines().filter(line -> line.contains(" ERROR ")
                && line.contains("Kontor did not invite a first provider administrator")
                && line.contains("\"" + BAD_EMAIL + "\" is not an e-mail address"))).hasSize(1);
        assertThat(count(jdbc, "organization")).isZero();
        assertThat(count(jdbc, "app_user")).isZero();
        assertThat(count(jdbc, "invitation")).isZero();
        assertThat(count(jdbc, "outgoing_mail")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = ?", Integer.class,
                ProviderBootstrap.BOOTSTRAP_REFUSED)).isOne();
    }

    @Test
    public void two_nodes_starting_at_once_invite_the_first_administrator_once(CapturedOutput output)
            throws Exception {
        ApplicationContext context = start(starts.quiet());
        assertThat(output.getOut().lines().filter(line -> line.contains(" WARN ")
                && line.contains("Kontor has no provider administrator"))).hasSize(1);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        ConcurrentLinkedQueue<ProviderBootstrap.Outcome> outcomes = new ConcurrentLinkedQueue<>();

        List<Outcome> raced = Races.race(() -> outcomes.add(node(context, "node-a").run()),
                () -> outcomes.add(node(context, "node-b").run()));

        assertThat(raced).allMatch(Outcome::succeeded);
        assertThat(outcomes).containsOnlyOnce(ProviderBootstrap.Outcome.INVITED)
                .containsAnyOf(ProviderBootstrap.Outcome.OTHER_NODE_BUSY,
                        ProviderBootstrap.Outcome.INVITATION_OPEN);
        assertThat(count(jdbc, "invitation")).isOne();
        assertThat(jdbc.queryForObject("select count(*) from organization where kind = 'PROVIDER'", Integer.class))
                .isOne();

        // while another node holds the lock, a start leaves the work to it
        LockProvider locks = context.getBean(LockProvider.class);
        Optional<SimpleLock> held = locks.lock(new LockConfiguration(Instant.now(), ProviderBootstrap.LOCK_NAME,
                Duration.ofMinutes(1), Duration.ZERO));
        assertThat(held).isPresent();
        try {
            assertThat(node(context, "node-c").run()).isEqualTo(ProviderBootstrap.Outcome.OTHER_NODE_BUSY);
        } finally {
            held.get().unlock();
        }
        assertThat(node(context, "node-c").run()).isEqualTo(ProviderBootstrap.Outcome.INVITATION_OPEN);

        // a link that expired unused does not lock the installation out: the next start invites again, and the same
        // person a second time gets a new link to the membership that waits, not a second membership
        int invitations = count(jdbc, "invitation");
        for (int expired = 1; expired <= 2; expired++) {
            expireInvitations(jdbc);
            assertThat(node(context, "late").run()).isEqualTo(ProviderBootstrap.Outcome.INVITED);
            assertThat(node(context, "late").run()).isEqualTo(ProviderBootstrap.Outcome.INVITATION_OPEN);
            assertThat(count(jdbc, "invitation")).isEqualTo(invitations + expired);
        }
        assertThat(jdbc.queryForObject("select count(*) from membership m join app_user u on u.id = m.user_id "
                + "where u.email = ? and m.role = 'PROVIDER_ADMINISTRATOR'", Integer.class, "late-" + ADMIN_EMAIL))
                .isOne();
        List<String> links = output.getOut().lines().filter(line -> line.contains("First provider administrator "
                + "invited: late-" + ADMIN_EMAIL)).toList();
        assertThat(links).hasSize(2);
        context.getBean(InvitationService.class).accept(token(links.getLast()), "Kirschbaum blüht im April 77");
        assertThat(node(context, "late").run()).isEqualTo(ProviderBootstrap.Outcome.ADMINISTRATOR_EXISTS);
    }

    private static void expireInvitations(JdbcTemplate jdbc) {
        jdbc.update("update invitation set expires_at = ? where accepted_at is null",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
    }

    /** Another node's bootstrap with a valid address, on the same database. */
    private static ProviderBootstrap node(ApplicationContext context, String name) {
        return new ProviderBootstrap(context.getBean(dev.kontor.organization.ProviderMemberships.class),
                context.getBean(dev.kontor.organization.OrganizationOnboarding.class),
                context.getBean(dev.kontor.organization.OrganizationService.class),
                context.getBean(dev.kontor.user.UserAccountService.class),
                context.getBean(InvitationService.class), context.getBean(ProviderMails.class),
                context.getBean(dev.kontor.audit.AuditLog.class), context.getBean(LockProvider.class),
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class),
                name + "-" + ADMIN_EMAIL, ProviderBootstrap.DEFAULT_PROVIDER_NAME,
                context.getBean(dev.kontor.user.Callers.class));
    }

    private ApplicationContext start(Class<?> configuration) {
        TestContextManager manager = new TestContextManager(configuration);
        started.add(manager);
        ApplicationContext context = manager.getTestContext().getApplicationContext();
        context.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        return context;
    }

    private void stopAll() {
        stop();
        started.clear();
    }

    private static <T> T as(ApplicationContext context, UserDetails user, java.util.function.Supplier<T> work) {
        var securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(org.springframework.security.authentication
                .UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(securityContext);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String token(String logLine) {
        Matcher matcher = LINK.matcher(logLine);
        assertThat(matcher.find()).as("an invitation link in %s", logLine).isTrue();
        return matcher.group(1);
    }

    private static int count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
