package dev.kontor.tenant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.kontor.base.InvalidInput;
import dev.kontor.tenant.CheckedLogo;
import dev.kontor.tenant.LogoCheck;
import java.util.Optional;

/**
 * The logo upload: checks the content at once on the server (the same check the service makes again), shows the
 * accepted logo, or the reason it was refused right below the field. Without a logo the tenant's name stands in.
 */
class LogoField extends Div implements HasValidation {

    /** What the upload accepts before the content check: a little above the limit, so a near miss gets its reason. */
    static final int UPLOAD_LIMIT = 1024 * 1024;

    private final Upload upload;
    private final Div preview = new Div();
    private final Span error = new Span();
    private final Span help = new Span();
    private byte[] accepted;
    private String errorMessage = "";
    private transient java.util.function.Consumer<Boolean> acceptedListener = accepted -> { };

    LogoField(String idPrefix, String labelText) {
        addClassName("logo-field");
        NativeLabel label = new NativeLabel(labelText);
        label.setId(idPrefix + "-label");
        label.addClassName("field-label");
        InMemoryUploadHandler handler = new InMemoryUploadHandler((metadata, bytes) -> {
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> received(bytes));
            } else {
                received(bytes);
            }
        }) {
            @Override
            public long getFileSizeMax() {
                return UPLOAD_LIMIT;
            }
        };
        upload = new Upload((UploadHandler) handler);
        upload.setId(idPrefix);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(UPLOAD_LIMIT);
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("tenant.logo.choose"))
                        .setMany(getTranslation("tenant.logo.choose")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("tenant.logo.drop"))
                        .setMany(getTranslation("tenant.logo.drop"))));
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/svg+xml", ".png", ".jpg", ".jpeg", ".svg");
        upload.getElement().setAttribute("aria-labelledby", label.getId().orElseThrow());
        // the browser refuses before uploading: too big, or not one of the accepted types
        upload.addFileRejectedListener(event -> showError(event.getErrorMessage() != null
                && event.getErrorMessage().toLowerCase(java.util.Locale.ROOT).contains("big")
                ? getTranslation("tenant.logo.too-large", LogoCheck.MAX_BYTES / 1024)
                : getTranslation("tenant.logo.unsupported")));
        upload.addFileRemovedListener(event -> clear());
        help.setText(getTranslation("tenant.logo.help", LogoCheck.MAX_BYTES / 1024, LogoCheck.MAX_WIDTH,
                LogoCheck.MAX_HEIGHT));
        help.addClassName("field-help");
        error.setId(idPrefix + "-error");
        error.addClassName("field-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        preview.addClassName("logo-preview");
        preview.setId(idPrefix + "-preview");
        add(label, upload, help, error, preview);
    }

    /** Tells the listener whenever an upload is accepted (true) or the logo is gone again (false). */
    void onAccepted(java.util.function.Consumer<Boolean> listener) {
        this.acceptedListener = listener;
    }

    /** The accepted upload, if any. */
    Optional<byte[]> logo() {
        return Optional.ofNullable(accepted).map(byte[]::clone);
    }

    /** Takes uploaded bytes as the upload does; visible to tests, which cannot drive the browser's upload. */
    void received(byte[] bytes) {
        try {
            CheckedLogo logo = LogoCheck.check(bytes);
            accepted = bytes.clone();
            setInvalid(false);
            preview.removeAll();
            preview.add(TenantLogoImage.of(getTranslation("tenant.logo"), Optional.of(logo)),
                    removeButton());
        } catch (InvalidInput refused) {
            accepted = null;
            preview.removeAll();
            upload.clearFileList();
            showError(getTranslation(refused.messageKey(), refused.arguments()));
        }
        acceptedListener.accept(accepted != null);
    }

    private Component removeButton() {
        Button remove = new Button(getTranslation("tenant.logo.remove"), VaadinIcon.TRASH.create(), click -> {
            clear();
            upload.clearFileList();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return remove;
    }

    private void clear() {
        accepted = null;
        preview.removeAll();
        setInvalid(false);
        acceptedListener.accept(false);
    }

    private void showError(String message) {
        setErrorMessage(message);
        setInvalid(true);
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage == null ? "" : errorMessage;
        error.setText(this.errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return errorMessage;
    }

    @Override
    public void setInvalid(boolean invalid) {
        error.setVisible(invalid);
        if (invalid) {
            addClassName("invalid");
        } else {
            removeClassName("invalid");
        }
    }

    @Override
    public boolean isInvalid() {
        return error.isVisible();
    }
}
