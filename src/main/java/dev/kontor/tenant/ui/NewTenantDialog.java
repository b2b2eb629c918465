package dev.kontor.tenant.ui;

import com.vaadin.flow.component.ShortcutRegistration;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.organization.Organization;
import dev.kontor.tenant.CharacterSets;
import dev.kontor.tenant.Edition;
import dev.kontor.tenant.NewTenant;
import dev.kontor.tenant.TenantDetails;
import dev.kontor.tenant.TenantType;
import dev.kontor.tenant.TreeNode;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * New tenant: name, type, version, master tenant, character set and logo. STANDARD tenants are always UTF-8, so the
 * character set is fixed for them. Once created, the dialog offers the next steps: Log in (in a new tab) and Add
 * administrator, without which the tenant is not ready for handover.
 */
class NewTenantDialog extends Dialog {

    private final TenantDialogServices services;
    private final TextField name = new TextField();
    private final RadioButtonGroup<TenantType> type = new RadioButtonGroup<>();
    private final Select<Edition> edition = new Select<>();
    private final ComboBox<TreeNode> master = new ComboBox<>();
    private final Select<String> characterSet = new Select<>();
    private final LogoField logo;
    private final Binder<Form> binder = new Binder<>(Form.class);
    private final transient Consumer<TenantDetails> onCreated;
    private final ShortcutRegistration enter;
    private BooleanSupplier typed;

    NewTenantDialog(TenantDialogServices services, TreeNode initialMaster, Consumer<TenantDetails> onCreated) {
        this.services = services;
        this.onCreated = onCreated;
        this.logo = new LogoField("tenant-logo", getTranslation("tenant.logo"));
        setId("new-tenant-dialog");
        setHeaderTitle(getTranslation("tenant.new"));
        setWidth("min(44rem, 100vw)");

        name.setId("tenant-name");
        name.setLabel(getTranslation("tenant.name"));
        name.setHelperText(getTranslation("tenant.name.help"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(Organization.NAME_MAX_LENGTH);

        type.setId("tenant-type");
        type.setLabel(getTranslation("tenant.type"));
        type.setItems(TenantType.values());
        type.setItemLabelGenerator(value -> getTranslation("tenant.type." + value + ".explained"));
        type.setValue(TenantType.STANDARD);
        type.addValueChangeListener(event -> fitCharacterSet());

        edition.setId("tenant-edition");
        edition.setLabel(getTranslation("tenant.edition"));
        edition.setItems(Edition.values());
        edition.setItemLabelGenerator(value -> getTranslation("tenant.edition." + value));
        edition.setValue(Edition.BASIC);
        edition.setHelperText(getTranslation("tenant.edition.help"));

        master.setId("tenant-master");
        master.setLabel(getTranslation("tenant.master"));
        master.setHelperText(getTranslation("tenant.master.help"));
        master.setItems(query -> services.tree().masterCandidates(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream(), query -> services.tree().countMasterCandidates(
                query.getFilter().orElse("")));
        master.setItemLabelGenerator(node -> node.reference().isEmpty() ? node.name()
                : node.name() + " (" + node.reference() + ")");
        master.setRequiredIndicatorVisible(true);
        if (initialMaster != null) {
            master.setValue(initialMaster);
        }

        characterSet.setId("tenant-charset");
        characterSet.setLabel(getTranslation("tenant.charset"));
        characterSet.setItems(CharacterSets.CHOICES);
        fitCharacterSet();

        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(FormRules.organizationName(this)).bind(Form::getName, Form::setName);
        binder.forField(master).asRequired(getTranslation("validation.required"))
                .bind(Form::getMaster, Form::setMaster);

        FormLayout form = new FormLayout(name, master, type, edition, characterSet, logo);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.setColspan(type, 2);
        form.setColspan(logo, 2);
        add(form);
        FormRules.explainConstraints(form);

        Button create = SlowAction.on(new Button(getTranslation("tenant.create")), this::create);
        create.setId("create-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, create);
        // a select opens with Enter and the logo's file chooser takes it too; an open combo box list keeps its own
        enter = DialogKeys.enterClicks(this, create, edition, characterSet, logo);
        DialogKeys.focusOnOpen(this, name);
        BooleanSupplier fields = DialogKeys.changedFrom(name, master, type, edition, characterSet);
        typed = () -> fields.getAsBoolean() || logo.logo().isPresent();
        DialogKeys.askBeforeDiscarding(this, () -> typed.getAsBoolean());
    }

    private void fitCharacterSet() {
        boolean standard = type.getValue() == TenantType.STANDARD;
        if (standard) {
            characterSet.setValue(CharacterSets.UTF_8);
        }
        characterSet.setReadOnly(standard);
        characterSet.setHelperText(getTranslation(standard ? "tenant.charset.standard" : "tenant.charset.custom"));
    }

    private boolean create() {
        Form form = new Form();
        boolean valid = FormRules.writeOrFocus(binder, form);
        // a chosen logo that was refused (or is still uploading) keeps the tenant from being created without it
        if (!logo.readyToSend() || !valid) {
            return false;
        }
        InputRefusals refusals = InputRefusals.of(this).field("name", name).field("master", master)
                .field("characterSet", characterSet).field("logo", logo).field("type", type).field("edition", edition);
        TenantDetails created = refusals.call(() -> services.tenants().create(new NewTenant(form.getMaster().id(),
                form.getName(), type.getValue(), edition.getValue(), characterSet.getValue(),
                logo.logo().orElse(null)))).orElse(null);
        if (created == null) {
            return false;
        }
        onCreated.accept(created);
        showNextSteps(created);
        return true;
    }

    /** After Create tenant: what to do now. */
    private void showNextSteps(TenantDetails created) {
        removeAll();
        getFooter().removeAll();
        // the tenant exists: nothing typed is lost any more, and Enter no longer creates anything
        enter.remove();
        typed = () -> false;
        setHeaderTitle(getTranslation("tenant.created.title"));
        Paragraph done = new Paragraph(getTranslation("tenant.created", created.name()));
        done.setId("tenant-created");
        // only a customer's tenant is handed to somebody; the partner's or provider's own stays with them
        Paragraph handover = new Paragraph(getTranslation(created.forCustomer() ? "tenant.created.handover"
                : "tenant.created.handover-own"));
        handover.setId("tenant-created-handover");
        handover.addClassName("hint");
        Anchor logIn = new Anchor(TenantLinks.logIn(created.id(), services.accessSession()), "");
        logIn.setTarget(AnchorTarget.BLANK);
        logIn.setRouterIgnore(true);
        logIn.add(VaadinIcon.SIGN_IN.create(), new Span(getTranslation("tenant.log-in")));
        logIn.setId("log-in-created");
        logIn.addClassName("button-link");
        logIn.getElement().setAttribute("aria-label", getTranslation("tenant.log-in.new-tab"));
        Button administrator = new Button(getTranslation("tenant.admin.add"), VaadinIcon.USER_STAR.create(),
                click -> new AddAdministratorDialog(services.administrators(), created.id(), created.name(), 0,
                        () -> { }).open());
        administrator.setId("add-administrator-created");
        administrator.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div next = new Div(logIn, administrator);
        next.addClassName("section-buttons");
        add(done, handover, next);
        Button another = new Button(getTranslation("tenant.create-another"), click -> {
            close();
            new NewTenantDialog(services, null, onCreated).open();
        });
        another.setId("create-another");
        Button close = new Button(getTranslation("action.close"), click -> close());
        close.setId("close-created");
        getFooter().add(another, close);
        administrator.focus();
    }

    /** The form's working copy. */
    public static class Form {
        private String name = "";
        private TreeNode master;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public TreeNode getMaster() {
            return master;
        }

        public void setMaster(TreeNode master) {
            this.master = master;
        }
    }
}
