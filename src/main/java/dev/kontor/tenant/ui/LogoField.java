package dev.kontor.tenant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.TextRules;
import dev.kontor.tenant.CheckedLogo;
import dev.kontor.tenant.LogoCheck;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The logo upload: checks the content at once on the server (the same check the service makes again), shows the
 * accepted logo, or the reason a chosen file was refused right below the field. A refusal stays until the person
 * removes the file or picks a good one, and while it stands (or while a file is still uploading) the form must not
 * be sent: {@link #readyToSend} says so next to the field. Without a logo the tenant's name stands in.
 */
class LogoField extends Div implements HasValidation {

    /** What the upload accepts before the content check: a little above the limit, so a near miss gets its reason. */
    static final int UPLOAD_LIMIT = 1024 * 1024;

    private final Upload upload;
    private final Div preview = new Div();
    private final Span error = new Span();
    private final Button discard;
    private final Div problem;
    private byte[] accepted;
    private boolean refusalStands;
    /** The browser is sending a file: the server's own count starts only once the file has arrived. */
    private boolean sending;
    private String errorMessage = "";
    private transient Consumer<Boolean> acceptedListener = accepted -> { };

    LogoField(String idPrefix, String labelText) {
        addClassName("logo-field");
        NativeLabel label = new NativeLabel(labelText);
        label.setId(idPrefix + "-label");
        label.addClassName("field-label");
        upload = new Upload(new LogoUpload());
        upload.setId(idPrefix);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(UPLOAD_LIMIT);
        upload.setI18n(texts());
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/svg+xml", ".png", ".jpg", ".jpeg", ".svg");
        upload.getElement().setAttribute("aria-labelledby", label.getId().orElseThrow());
        // the browser refuses before uploading: too big, not one of the accepted types, or a second file
        upload.addFileRejectedListener(this::refusedByTheBrowser);
        upload.addFileRemovedListener(event -> clear());
        upload.getElement().addEventListener("upload-start", event -> sending = true);
        for (String end : List.of("upload-success", "upload-error", "upload-abort")) {
            upload.getElement().addEventListener(end, event -> sending = false);
        }
        Span help = new Span(getTranslation("tenant.logo.help", LogoCheck.MAX_BYTES / 1024, LogoCheck.MAX_WIDTH,
                LogoCheck.MAX_HEIGHT));
        help.addClassName("field-help");
        error.setId(idPrefix + "-error");
        error.addClassName("field-error");
        error.getElement().setAttribute("role", "alert");
        // the refused file is gone already; removing it takes back the refusal, and an accepted logo stays
        discard = new Button(getTranslation("tenant.logo.discard"), VaadinIcon.CLOSE_SMALL.create(),
                click -> setInvalid(false));
        discard.setId(idPrefix + "-discard");
        discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        problem = new Div(error, discard);
        problem.addClassName("logo-problem");
        problem.setVisible(false);
        preview.addClassName("logo-preview");
        preview.setId(idPrefix + "-preview");
        add(label, upload, help, problem, preview);
    }

    /** Tells the listener whenever an upload is accepted (true) or the logo is gone again (false). */
    void onAccepted(Consumer<Boolean> listener) {
        this.acceptedListener = listener;
    }

    /** The accepted upload, if any. */
    Optional<byte[]> logo() {
        return Optional.ofNullable(accepted).map(byte[]::clone);
    }

    /**
     * Whether the form may be sent as the field stands: not while a chosen file is refused or still uploading, for
     * the person asked for that file and must not get a result without it. When not, the field says why (again)
     * and takes the focus, so that it is seen and read out.
     */
    boolean readyToSend() {
        if (sending || upload.isUploading()) {
            show(getTranslation("tenant.logo.uploading"), false);
            problem.scrollIntoView();
            return false;
        }
        if (refusalStands) {
            discard.focus();
            return false;
        }
        // a note that the logo was still uploading is past
        setInvalid(false);
        return true;
    }

    private void accepted(byte[] bytes, CheckedLogo logo) {
        accepted = bytes;
        setInvalid(false);
        preview.removeAll();
        // the upload's own file row removes the logo (its remove button says so): a second Remove here was one too many
        preview.add(TenantLogoImage.of(getTranslation("tenant.logo"), Optional.of(logo)));
        acceptedListener.accept(true);
    }

    private void refused(String fileName, String reason) {
        accepted = null;
        preview.removeAll();
        // the refused file is not kept: the message below names it, and Remove file clears the refusal
        upload.clearFileList();
        String shownName = fileName == null || fileName.isBlank() ? null
                : TextRules.spelledOut(TextRules.abbreviate(fileName.strip(), 80));
        show(shownName == null ? reason : getTranslation("tenant.logo.refused", shownName, reason), true);
        acceptedListener.accept(false);
    }

    private void refusedByTheBrowser(FileRejectedEvent event) {
        UploadI18N.Error texts = upload.getI18n().getError();
        String why = event.getErrorMessage();
        String reason;
        if (Objects.equals(why, texts.getTooManyFiles())) {
            reason = getTranslation("tenant.logo.one-only");
        } else if (Objects.equals(why, texts.getFileIsTooBig())) {
            reason = getTranslation("tenant.logo.too-large", LogoCheck.MAX_BYTES / 1024);
        } else {
            reason = getTranslation("tenant.logo.unsupported");
        }
        if (accepted != null) {
            // a second file dropped on an accepted logo: the logo stays, the drop is refused
            show(reason, true);
            return;
        }
        refused(event.getFileName(), reason);
    }

    private void clear() {
        accepted = null;
        preview.removeAll();
        setInvalid(false);
        acceptedListener.accept(false);
    }

    /** Shows the message below the field; a refusal stands until removed and keeps the form from being sent. */
    private void show(String message, boolean refusal) {
        setErrorMessage(message);
        showProblem(true, refusal);
    }

    private void showProblem(boolean visible, boolean refusal) {
        refusalStands = refusal;
        discard.setVisible(refusal);
        problem.setVisible(visible);
        if (visible) {
            addClassName("invalid");
        } else {
            removeClassName("invalid");
        }
    }

    private UploadI18N texts() {
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("tenant.logo.choose"))
                        .setMany(getTranslation("tenant.logo.choose")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("tenant.logo.drop"))
                        .setMany(getTranslation("tenant.logo.drop")))
                .setError(new UploadI18N.Error().setTooManyFiles(getTranslation("tenant.logo.one-only"))
                        .setFileIsTooBig(getTranslation("tenant.logo.too-large", LogoCheck.MAX_BYTES / 1024))
                        .setIncorrectFileType(getTranslation("tenant.logo.unsupported")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status()
                                .setConnecting(getTranslation("upload.status.connecting"))
                                .setStalled(getTranslation("upload.status.stalled"))
                                .setProcessing(getTranslation("upload.status.processing"))
                                .setHeld(getTranslation("upload.status.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(getTranslation("upload.remaining.prefix"))
                                .setUnknown(getTranslation("upload.remaining.unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(getTranslation("upload.error.unavailable"))
                                .setUnexpectedServerError(getTranslation("upload.error.server"))
                                .setForbidden(getTranslation("tenant.logo.not-accepted"))
                                .setFileTooLarge(getTranslation("tenant.logo.too-large", LogoCheck.MAX_BYTES / 1024))))
                .setFile(new UploadI18N.File().setRetry(getTranslation("upload.file.retry"))
                        .setStart(getTranslation("upload.file.start"))
                        .setRemove(getTranslation("tenant.logo.remove")));
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

    /** Invalid from outside (a service's refusal of the logo) is a refusal like the field's own. */
    @Override
    public void setInvalid(boolean invalid) {
        showProblem(invalid, invalid);
    }

    @Override
    public boolean isInvalid() {
        return problem.isVisible();
    }

    /**
     * Reads the upload (at most a little more than the limit, so that a huge file costs no memory) and checks it;
     * the upload is a request of its own, so the result reaches the field through {@code UI.access}. A refused file
     * is answered as refused, so the browser does not mark it uploaded.
     */
    private final class LogoUpload implements UploadHandler {

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(UPLOAD_LIMIT + 1);
            }
            String fileName = event.getFileName();
            try {
                CheckedLogo logo = LogoCheck.check(bytes);
                event.getUI().access(() -> accepted(bytes, logo));
            } catch (InvalidInput refusal) {
                event.reject(refusal.messageKey());
                event.getUI().access(() -> refused(fileName, getTranslation(refusal.messageKey(),
                        refusal.arguments())));
            }
        }

        @Override
        public long getFileSizeMax() {
            return UPLOAD_LIMIT;
        }
    }
}
