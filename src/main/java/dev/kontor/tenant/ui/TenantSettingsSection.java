package dev.kontor.tenant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.base.ui.ChangedMeanwhile;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Notices;
import dev.kontor.tenant.TenantDetails;
import dev.kontor.tenant.TenantService;
import dev.kontor.tenant.TenantSettings;
import java.time.ZoneId;
import java.util.Locale;

/** The settings a master tenant hands down with Copy content: language, time zone, sender name. */
class TenantSettingsSection extends Div {

    /** The tenant as last read: its profile version goes with Save, and "Show current values" reads it again. */
    private TenantDetails tenant;

    TenantSettingsSection(TenantService tenants, TenantDetails tenant, Runnable onSaved) {
        this.tenant = tenant;
        setId("tenant-settings");
        addClassName("card-section");
        add(new H3(getTranslation("tenant.settings.title")));
        Paragraph explained = new Paragraph(getTranslation("tenant.settings.explained"));
        explained.addClassName("section-explanation");
        add(explained);

        Select<String> language = new Select<>();
        language.setId("tenant-language");
        language.setLabel(getTranslation("tenant.settings.language"));
        language.setEmptySelectionAllowed(true);
        language.setEmptySelectionCaption(getTranslation("tenant.settings.default"));
        language.setItems(SupportedLanguages.ALL.stream().map(Locale::getLanguage).toList());
        language.setItemLabelGenerator(code -> code == null ? getTranslation("tenant.settings.default")
                : Locale.forLanguageTag(code).getDisplayLanguage(getLocale()));

        ComboBox<String> zone = new ComboBox<>(getTranslation("tenant.settings.time-zone"));
        zone.setId("tenant-time-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setClearButtonVisible(true);
        zone.setPlaceholder(getTranslation("tenant.settings.default"));

        TextField sender = new TextField(getTranslation("tenant.settings.sender"));
        sender.setId("tenant-sender");
        sender.setMaxLength(TenantSettings.SENDER_NAME_MAX_LENGTH);
        sender.setHelperText(getTranslation("tenant.settings.sender.help"));

        // the form is the settings record itself: read from the tenant, written whole when saved
        Binder<TenantSettings> binder = new Binder<>(TenantSettings.class);
        binder.forField(language).bind("defaultLanguage");
        binder.forField(zone).bind("timeZone");
        binder.forField(sender).withValidator(FormRules.organizationName(this)).bind("senderName");
        binder.readRecord(tenant.settings());
        ChangedMeanwhile meanwhile = new ChangedMeanwhile(binder, () -> {
            this.tenant = tenants.details(this.tenant.id());
            binder.readRecord(this.tenant.settings());
        });

        boolean editable = tenant.mayManage();
        language.setReadOnly(!editable);
        zone.setReadOnly(!editable);
        sender.setReadOnly(!editable);
        add(new FormLayout(language, zone, sender));
        FormRules.explainConstraints(this);
        // below the fields, above Save: where the person looks after pressing it
        add(meanwhile);
        if (editable) {
            // named for what it saves: the tenant page holds several forms, each with its own Save
            Button save = new Button(getTranslation("tenant.settings.save"), click -> {
                InputRefusals refusals = InputRefusals.of(this).field("defaultLanguage", language)
                        .field("timeZone", zone).field("senderName", sender);
                if (!FormRules.recordOrFocus(binder).map(settings -> meanwhile.saved(() -> refusals.run(() ->
                        tenants.changeSettings(this.tenant.id(), settings, this.tenant.profileVersion()))))
                        .orElse(false)) {
                    return;
                }
                Notices.success(getTranslation("tenant.settings.saved"));
                onSaved.run();
            });
            save.setId("save-tenant-settings");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button cancel = new Button(getTranslation("action.cancel"), click -> meanwhile.discard());
            cancel.setId("cancel-tenant-settings");
            Div buttons = new Div(save, cancel);
            buttons.addClassName("section-buttons");
            add(buttons);
        }
    }
}
