package dev.kontor.partner.ui;

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
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.ViewTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two-factor sign-in on the partner's profile: its legal representative requires it, sees who has none and resets the
 * administrator's lost factor; an employee reads the requirement and can change nothing.
 */
@ViewTest
class PartnerSecondFactorViewTest extends SpringBrowserlessTest {

    @Autowired
    OrganizationOnboarding onboarding;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    private TestPartner partner;
    private String employee;

    @BeforeEach
    void aPartnerWhoseAdministratorHasAFactor() {
        partner = fixtures.partner("Factor Profile");
        employee = fixtures.person("Emil");
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(employee), partner.id(),
                MembershipRole.PARTNER_EMPLOYEE);
        jdbc.update("insert into second_factor (user_id, secret_cipher, created_at, confirmed_at) "
                + "values (?, 'sealed', ?, ?)", partner.adminUserId(), Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));
    }

    @Test
    void the_legal_representative_requires_it_sees_who_has_none_and_resets_the_administrators_factor() {
        fixtures.signIn(partner.legalEmail());
        navigate(PartnerProfileView.class);

        assertThat(tagsOf(membershipOf(partner.legalUserId()))).contains("No second factor");
        assertThat(tagsOf(membershipOf(partner.adminUserId()))).doesNotContain("No second factor");
        assertThat(find(Paragraph.class).withId("second-factor-without").single().getText())
                .isEqualTo("2 active members have no second factor yet.");
        test(find(Checkbox.class).withId("second-factor-required").single()).click();
        assertThat(jdbc.queryForObject("select second_factor_required from organization where id = ?",
                Boolean.class, partner.id())).isTrue();

        test(find(Button.class).withId("reset-second-factor-" + membershipOf(partner.adminUserId())).single())
                .click();
        test(find(ConfirmDialog.class).withId("confirm-second-factor-reset").single()).confirm();

        assertThat(jdbc.queryForObject("select count(*) from second_factor where user_id = ?", Integer.class,
                partner.adminUserId())).isZero();
    }

    @Test
    void an_employee_reads_the_requirement_and_changes_nothing() {
        fixtures.signIn(employee);
        navigate(PartnerProfileView.class);

        assertThat(find(Paragraph.class).withId("second-factor-state").single().getText())
                .isEqualTo("A second factor is optional here.");
        assertThat(find(Checkbox.class).withId("second-factor-required").exists()).isFalse();
        assertThat(find(Button.class).withId("second-factor-remind").exists()).isFalse();
        assertThat(find(Button.class).withId("reset-second-factor-" + membershipOf(partner.adminUserId()))
                .exists()).isFalse();
    }

    @Test
    void every_persons_row_has_its_action_cell_so_that_the_badges_line_up() {
        fixtures.signIn(partner.legalEmail());
        navigate(PartnerProfileView.class);

        for (long membership : List.of(membershipOf(partner.legalUserId()), membershipOf(partner.adminUserId()))) {
            Div row = find(Div.class).withId("partner-user-" + membership).single();
            assertThat(row.getChildren().reduce((first, second) -> second).orElseThrow().getElement()
                    .getClassList()).contains("action-cell");
        }
    }

    private long membershipOf(long userId) {
        return jdbc.queryForObject("select id from membership where user_id = ? and organization_id = ?", Long.class,
                userId, partner.id());
    }

    private List<String> tagsOf(long membership) {
        Div row = find(Div.class).withId("partner-user-" + membership).single();
        return find(Span.class).from(row).all().stream().map(Span::getText).toList();
    }
}
