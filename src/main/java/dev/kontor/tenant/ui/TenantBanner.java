package dev.kontor.tenant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.kontor.base.PageBanner;
import java.util.Optional;

/** The tenant's logo (or name) and the role one works in, in the header of a tab logged into a tenant. */
@SpringComponent
class TenantBanner implements PageBanner {

    @Override
    public Optional<Component> banner() {
        return TenantTab.current().map(branding -> {
            Div banner = branding.content();
            banner.setId("tenant-banner");
            banner.addClassName("tenant-banner");
            banner.getElement().setAttribute("role", "status");
            return banner;
        });
    }

    @Override
    public Optional<String> titlePrefix() {
        return TenantTab.current().map(TenantTab.Branding::name);
    }
}
