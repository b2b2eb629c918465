package dev.kontor.contact.ui;

import org.springframework.modulith.NamedInterface;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.CsvDownload;
import dev.kontor.contact.ContactExport;
import dev.kontor.contact.ContactRow;
import dev.kontor.contact.ContactService;
import dev.kontor.base.PhoneNumbers;

/**
 * An organization's contacts: a grid paged from the database (name, e-mail with a new address awaiting
 * confirmation, phone, job title, types, whether a user is linked), Add contact, edit, delete and CSV export.
 * Changing is offered to those who may manage the contacts; the service checks anyway.
 */
@NamedInterface("contact-components")
public class ContactsSection extends Div {

    /** Up to this many contacts the grid shows every row; beyond, it scrolls and pages. */
    static final int ALL_ROWS_UP_TO = 25;

    private final ContactService contacts;
    private final long organizationId;
    private final Grid<ContactRow> grid = new Grid<>();
    private final transient Runnable onChanged;
    /** On a phone one column tells the whole contact, beside the frozen actions. */
    private boolean narrow;

    public ContactsSection(ContactService contacts, ContactExport export, long organizationId, Runnable onChanged) {
        this.contacts = contacts;
        this.organizationId = organizationId;
        this.onChanged = onChanged;
        setId("contacts-section");
        addClassName("contacts-section");
        boolean mayManage = contacts.mayManage(organizationId);

        Div heading = new Div(new H3(getTranslation("contact.title")));
        heading.addClassName("section-heading");
        Div buttons = new Div();
        buttons.addClassName("section-buttons");
        // written later, outside the UI's lock: the header line's language is the page's when it was built
        java.util.Locale language = getLocale();
        Anchor csv = new Anchor(CsvDownload.of("contacts.csv", out -> export.organization(organizationId, out,
                language)),
                getTranslation("contact.export"));
        csv.setId("export-contacts");
        csv.addClassName("export-link");
        csv.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        buttons.add(csv);
        if (mayManage) {
            Button add = new Button(getTranslation("contact.add"), VaadinIcon.PLUS.create(),
                    click -> new ContactDialog(contacts, organizationId, null, this::changed).open());
            add.setId("add-contact");
            buttons.add(add);
        }
        heading.add(buttons);

        grid.setId("contacts");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT,
                GridVariant.LUMO_COMPACT);
        // a short list shows whole; a long one pages through the database in a grid of fixed height
        if (contacts.count(organizationId) <= ALL_ROWS_UP_TO) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("28rem");
        }
        grid.addColumn(ContactRow::name).setHeader(getTranslation("contact.column.name")).setKey("name")
                .setSortProperty("lastName", "firstName").setWidth("8rem").setFlexGrow(2);
        grid.addComponentColumn(this::emailCell).setHeader(getTranslation("contact.column.email")).setKey("email")
                .setSortProperty("email").setWidth("10rem").setFlexGrow(2);
        grid.addColumn(row -> PhoneNumbers.readableOnOneLine(row.phone()))
                .setHeader(getTranslation("contact.column.phone")).setKey("phone").setWidth("10rem").setFlexGrow(1);
        grid.addColumn(row -> row.jobTitle() == null ? "" : row.jobTitle())
                .setHeader(getTranslation("contact.column.job-title")).setKey("job-title").setWidth("6rem")
                .setFlexGrow(1);
        grid.addComponentColumn(row -> ContactTags.of(this, row.types()))
                .setHeader(getTranslation("contact.column.types")).setKey("types").setWidth("7rem").setFlexGrow(1);
        // "User: Yes" left a manager guessing; the column says what it means, and the row's tooltip says it whole
        grid.addComponentColumn(this::signsInCell).setHeader(getTranslation("contact.column.user")).setKey("user")
                .setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(row -> getTranslation(row.linked() ? "contact.linked.yes.explained"
                        : "contact.linked.no.explained", row.name()));
        // a phone has room for one column beside the actions: the whole contact, line by line (drawn only there)
        grid.addComponentColumn(row -> narrow ? phoneCell(row) : new Div())
                .setHeader(getTranslation("contact.column.name")).setKey("contact").setWidth("8rem").setFlexGrow(1)
                .setVisible(false);
        dev.kontor.base.ui.WindowWidth.follow(this, this::fitColumns);
        if (mayManage) {
            // frozen at the end: in a narrow dialog the actions must not scroll out of sight
            grid.addComponentColumn(this::actions).setHeader(getTranslation("manager.actions"))
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        }
        // an empty list says what to do next, to those who can do it
        grid.setEmptyStateText(getTranslation(mayManage ? "contact.none.add" : "contact.none"));
        grid.setItems(query -> contacts.page(organizationId,
                        VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) contacts.count(organizationId));
        add(heading, grid);
    }

    /** On a phone one column tells the whole contact; a wider window gets a column per part. */
    void fitColumns(int windowWidth) {
        boolean phone = dev.kontor.base.ui.WindowWidth.isNarrow(windowWidth);
        if (phone == narrow) {
            return;
        }
        narrow = phone;
        for (String key : java.util.List.of("name", "email", "phone", "job-title", "types", "user")) {
            grid.getColumnByKey(key).setVisible(!phone);
        }
        grid.getColumnByKey("contact").setVisible(phone);
        grid.getDataProvider().refreshAll();
    }

    /** On a phone: the name, the address, the phone number and the kinds of contact, one below the other. */
    private Component phoneCell(ContactRow row) {
        Span name = new Span(row.name());
        name.addClassName("cell-title");
        Div cell = new Div(name, emailCell(row));
        if (row.phone() != null && !row.phone().isBlank()) {
            Span phone = new Span(PhoneNumbers.readableOnOneLine(row.phone()));
            phone.addClassName("cell-detail");
            cell.add(phone);
        }
        cell.add(ContactTags.of(this, row.types()));
        if (row.linked()) {
            // the wide grid's column is hidden on a phone: the contact's line says it in words
            Span signsIn = new Span(getTranslation("contact.column.user"));
            signsIn.addClassNames("tag", "tag-success");
            cell.add(signsIn);
        }
        cell.addClassName("stacked-cell");
        return cell;
    }

    /** "Yes" as a mark for a contact who is also one of the organization's users; a dash for one without access. */
    private Component signsInCell(ContactRow row) {
        if (row.linked()) {
            Span yes = new Span(getTranslation("contact.linked.yes"));
            yes.addClassNames("tag", "tag-success");
            return yes;
        }
        Span no = new Span(getTranslation("contact.linked.no"));
        no.addClassName("cell-detail");
        return no;
    }

    private Component emailCell(ContactRow row) {
        Div cell = new Div(dev.kontor.base.ui.LineBreaks.email(row.email()));
        cell.addClassName("contact-email-cell");
        if (row.pendingEmail() != null) {
            Span pending = new Span(getTranslation("contact.email.pending", row.pendingEmail()));
            pending.addClassNames("tag", "tag-warning");
            cell.add(pending);
        }
        return cell;
    }

    private Component actions(ContactRow row) {
        Button edit = new Button(VaadinIcon.EDIT.create(),
                click -> new ContactDialog(contacts, organizationId, row, this::changed).open());
        edit.setId("edit-contact-" + row.id());
        edit.setAriaLabel(getTranslation("contact.edit") + ": " + row.name());
        edit.setTooltipText(getTranslation("contact.edit"));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button delete = new Button(VaadinIcon.TRASH.create(), click -> confirmDelete(row));
        delete.setId("delete-contact-" + row.id());
        delete.setAriaLabel(getTranslation("contact.delete") + ": " + row.name());
        delete.setTooltipText(getTranslation("contact.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        Div cell = new Div(edit, delete);
        cell.addClassName("action-cell");
        return cell;
    }

    private void confirmDelete(ContactRow row) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-delete-contact");
        dialog.setHeader(getTranslation("contact.delete.title"));
        dialog.setText(getTranslation(row.linked() ? "contact.delete.linked" : "contact.delete.person", row.name()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("contact.delete"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> {
            contacts.delete(organizationId, row.id(), row.version());
            changed();
        });
        DialogKeys.cancelFirst(dialog);
        dialog.open();
    }

    private void changed() {
        grid.getDataProvider().refreshAll();
        onChanged.run();
    }
}
