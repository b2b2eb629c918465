package dev.kontor.partner.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.kontor.base.ui.CsvDownload;
import dev.kontor.contact.ContactExport;
import dev.kontor.contact.ContactService;
import dev.kontor.contact.ContactType;
import dev.kontor.contact.ui.ContactTags;
import dev.kontor.contact.ui.ContactsSection;
import dev.kontor.organization.Member;
import dev.kontor.organization.MembershipAdministration;
import dev.kontor.organization.SecondFactorPolicy;
import dev.kontor.organization.ui.PersonRow;
import dev.kontor.organization.ui.SecondFactorSection;
import dev.kontor.partner.PartnerMembership;
import dev.kontor.partner.PartnerService;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The partner's own profile: its users with their roles and contact types, and its contacts. Legal representatives
 * and administrators also export the contacts of the partner's whole tree.
 */
@Route("partner/profile")
@Menu(title = "nav.partner-profile", order = 12, icon = "vaadin:building")
@RolesAllowed({Roles.LEGAL_REPRESENTATIVE, Roles.PARTNER_ADMINISTRATOR, Roles.PARTNER_EMPLOYEE})
public class PartnerProfileView extends VerticalLayout implements HasDynamicTitle {

    /** Who has no second factor (read once for the whole list), and the reset of a lost one for a lead. */
    private final SecondFactorSection secondFactor;

    public PartnerProfileView(PartnerService partners, MembershipAdministration memberships, ContactService contacts,
                              ContactExport export, SecondFactorPolicy secondFactors,
                              dev.kontor.user.Callers callers) {
        setId("partner-profile-view");
        PartnerMembership partner = partners.myPartners().getFirst();
        long partnerId = partner.partnerId();

        Div heading = new Div(new H2(partner.partnerName()));
        heading.addClassName("section-heading");
        if (partner.seesAllCustomers()) {
            // written later, outside the UI's lock: the header line's language is the page's when it was built
            java.util.Locale language = getLocale();
            Anchor tree = new Anchor(CsvDownload.of("contacts-tree.csv",
                    out -> export.partnerTree(partnerId, out, language)),
                    getTranslation("contact.export-tree"));
            tree.setId("export-tree-contacts");
            tree.addClassName("export-link");
            tree.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
            Div buttons = new Div(tree);
            buttons.addClassName("section-buttons");
            heading.add(buttons);
        }

        secondFactor = new SecondFactorSection(secondFactors, partnerId, partner.partnerName(),
                callers.requirePerson().userId(), () -> { });
        List<Member> members = memberships.allMembers(partnerId);
        Map<Long, Set<ContactType>> types = contacts.typesOfUsers(partnerId,
                members.stream().map(Member::userId).distinct().toList());
        Div users = new Div(new H3(getTranslation("partner.profile.users")));
        users.setId("partner-users");
        users.addClassName("card-section");
        Div list = PersonRow.list();
        members.forEach(member -> list.add(userRow(member, types.getOrDefault(member.userId(), Set.of()))));
        users.add(list);

        ContactsSection contactsSection = new ContactsSection(contacts, export, partnerId,
                () -> getUI().ifPresent(ui -> ui.getPage().reload()));
        contactsSection.addClassName("card-section");
        add(heading, users, secondFactor, contactsSection);
    }

    private Component userRow(Member member, Set<ContactType> types) {
        Span role = new Span(getTranslation("membership.role." + member.role()));
        role.addClassName("tag");
        Div tags = new Div(role, PersonRow.state(this, member));
        secondFactor.badge(member).ifPresent(tags::add);
        // the contact types as tags of this box, not as a box of their own: an inner box took the row's tag width as
        // its height, and an empty one made every row tall and empty
        ContactTags.tags(this, types).forEach(tags::add);
        // role, state and contact types one below the other: side by side they wrapped differently on every row
        tags.addClassNames("tag-cell", "stacked-tags");
        // every row has its action cell, empty or not: the badges then stand in one column on every row
        Div cell = PersonRow.actions(member, secondFactor, () -> getUI().ifPresent(ui -> ui.getPage().reload()));
        return PersonRow.of("partner-user-" + member.membershipId(), member, tags, cell);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.partner-profile");
    }
}
