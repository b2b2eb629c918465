package dev.kontor.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.kontor.security.SecondFactors;
import java.io.ByteArrayInputStream;

/**
 * What a person needs to add Kontor to an authenticator app, on the Security page and at the sign-in's set-up step
 * alike: how, the QR code, the link that opens the app on the device itself, and the secret with Copy secret. The
 * set-up step had only the QR code and the secret to type, which a person signing in on a phone could not scan.
 */
final class AuthenticatorSetUp {

    private AuthenticatorSetUp() {
    }

    /** The parts, in reading order, to be added where the code field follows them; texts in {@code owner}'s language. */
    static Component[] parts(Component owner, SecondFactors.SetUp setUp) {
        byte[] png = setUp.qrCodePng();
        Image qr = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(png), "authenticator.png", "image/png", png.length)),
                owner.getTranslation("security.second-factor.qr-alt"));
        qr.setId("second-factor-qr");
        qr.setWidth("240px");
        qr.setHeight("240px");
        Span secret = new Span(setUp.secretInGroups());
        secret.setId("second-factor-secret");
        secret.addClassName("secret-text");
        Paragraph secretLine = new Paragraph(owner.getTranslation("security.second-factor.secret-label") + " ");
        secretLine.add(secret);
        // the secret goes to the clipboard as a parameter, never as part of the script; without the groups' spaces
        Button copy = new Button(owner.getTranslation("security.second-factor.copy-secret"), VaadinIcon.COPY.create(),
                click -> secret.getElement().executeJs("navigator.clipboard.writeText($0)", setUp.secret()));
        copy.setId("second-factor-copy-secret");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        secretLine.add(copy);
        // on a phone the QR code cannot be scanned with the same phone: the otpauth link opens the app there (a
        // navigation, which the page's content security policy leaves alone)
        Anchor openApp = new Anchor();
        // Kontor builds this address itself from the secret it just made: not a URL anyone typed
        openApp.setUnsafeHref(setUp.otpauthUri());
        openApp.setText(owner.getTranslation("security.second-factor.open-app"));
        openApp.setId("second-factor-open-app");
        return new Component[] {new Paragraph(owner.getTranslation("security.second-factor.scan")), qr,
                new Paragraph(openApp), secretLine};
    }
}
