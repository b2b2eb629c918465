package dev.kontor.tenant.ui;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.tenant.CharacterSets;
import dev.kontor.tenant.Edition;
import dev.kontor.tenant.TenantProvisioning;
import dev.kontor.tenant.TenantSettings;
import dev.kontor.tenant.TenantType;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.ViewTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two-factor sign-in in a tenant's workspace: the customer's manager requires it for the tenant, sees which
 * administrator has none and resets a lost one; the tenant's administrator sees the customer's requirement named.
 */
@ViewTest
class TenantSecondFactorViewTest extends SpringBrowserlessTest {

    @Autowired
    TenantProvisioning tenants;

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    private TestAccount account;
    private long shop;
    private String tia;
    private String tom;
    private long tiaMembership;
    private long tomMembership;

    @BeforeEach
    void aTenantWithTwoAdministratorsOfWhomTiaHasAFactor() {
        account = fixtures.account("Alice");
        shop = tenants.importTenant(TestTasks.setUp(), account.id(), "Shop " + account.tag(),
                TenantType.STANDARD, Edition.BASIC, CharacterSets.UTF_8, TenantSettings.none()).getId();
        tia = fixtures.person("Tia");
        tom = fixtures.person("Tom");
        tiaMembership = onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(tia), shop,
                MembershipRole.TENANT_ADMINISTRATOR).getId();
        tomMembership = onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(tom), shop,
                MembershipRole.TENANT_ADMINISTRATOR).getId();
        jdbc.update("insert into second_factor (user_id, secret_cipher, created_at, confirmed_at) "
                + "values (?, 'sealed', ?, ?)", fixtures.userIdOf(tia), Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));
    }

    /**
     * Issue 13's review: a tenant nobody is an active member of yet (just created) said "Every active member here has
     * a second factor"; it says that nobody is a member yet, and offers no reminder.
     */
    @Test
    void a_tenant_without_members_says_so_instead_of_that_every_member_has_a_second_factor() {
        long empty = tenants.importTenant(TestTasks.setUp(), account.id(), "Empty " + account.tag(),
                TenantType.STANDARD, Edition.BASIC, CharacterSets.UTF_8, TenantSettings.none()).getId();
        fixtures.signIn(account.email("Alice"));
        navigate("tenant/" + empty, TenantWorkspaceView.class);

        assertThat(find(Paragraph.class).withId("second-factor-without").single().getText())
                .isEqualTo("Nobody is an active member here yet.");
        assertThat(find(Button.class).withId("second-factor-remind").exists()).isFalse();

        navigate("tenant/" + shop, TenantWorkspaceView.class);
        assertThat(find(Paragraph.class).withId("second-factor-without").single().getText())
                .isEqualTo("1 active member has no second factor yet.");
    }

    @Test
    void the_customers_manager_requires_it_for_the_tenant_sees_who_has_none_and_resets_a_lost_factor() {
        fixtures.signIn(account.email("Alice"));
        navigate("tenant/" + shop, TenantWorkspaceView.class);

        assertThat(tagsOf(tomMembership)).contains("No second factor");
        assertThat(tagsOf(tiaMembership)).doesNotContain("No second factor");
        test(find(Checkbox.class).withId("second-factor-required").single()).click();
        assertThat(jdbc.queryForObject("select second_factor_required from organization where id = ?",
                Boolean.class, shop)).isTrue();

        test(find(Button.class).withId("reset-second-factor-" + tiaMembership).single()).click();
        test(find(ConfirmDialog.class).withId("confirm-second-factor-reset").single()).confirm();

        assertThat(jdbc.queryForObject("select count(*) from second_factor where user_id = ?", Integer.class,
                fixtures.userIdOf(tia))).isZero();
    }

    @Test
    void the_tenants_administrator_sees_the_customers_requirement_named_and_no_switch() {
        jdbc.update("update organization set second_factor_required = true where id = ?", account.id());
        fixtures.signIn(tom);
        navigate("tenant/" + shop, TenantWorkspaceView.class);

        assertThat(find(Paragraph.class).withId("second-factor-required-by").single().getText())
                .startsWith("Required by Customer " + account.tag());
        assertThat(find(Checkbox.class).withId("second-factor-required").exists()).isFalse();
        // one's own factor is reset on the Security page, with a code
        assertThat(find(Button.class).withId("reset-second-factor-" + tomMembership).exists()).isFalse();
        assertThat(find(Button.class).withId("reset-second-factor-" + tiaMembership).exists()).isTrue();
    }

    private List<String> tagsOf(long membership) {
        Div row = find(Div.class).withId("administrator-" + membership).single();
        return find(Span.class).from(row).all().stream().map(Span::getText).toList();
    }
}
