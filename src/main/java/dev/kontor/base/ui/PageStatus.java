package dev.kontor.base.ui;

import com.vaadin.flow.router.InvalidLocationException;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.internal.NavigationRouteTarget;
import com.vaadin.flow.router.internal.PathUtil;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.kontor.base.GuardedPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the first answer to a signed-in person's page the status of what the page will show. Vaadin answers every
 * address with its bootstrap page and 200 and navigates only in the page's next request, so without this a script,
 * a proxy or a crawler would read the not-found page and the refusal page as found. An address that is no route
 * answers 404 ({@link NotFoundView}), a route the person's roles do not allow 403 ({@link AccessDeniedView}), and a
 * page with an id (a {@link GuardedPage}) 403 for an unknown id and someone else's alike ({@link RefusalView}); the
 * page itself is the same friendly page either way. The address is read as Vaadin's router reads it, so that the
 * status and the page cannot part: the route's fixed parts decoded, the id as it is spelled, still encoded, which
 * makes {@code CN-10001%20} no id (404) however leniently the decoded number would read. Visitors who are not signed
 * in are sent to sign in before this, and the public link pages have their own status ({@code SecretLinkStatusFilter}).
 */
@SpringComponent
class PageStatus implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(PageStatus.class);

    private final List<GuardedPage> pages;
    private final List<GuardedPage.TabBoundRights> tabBoundRights;
    private final AccessAnnotationChecker roles = new AccessAnnotationChecker();

    PageStatus(List<GuardedPage> pages, List<GuardedPage.TabBoundRights> tabBoundRights) {
        this.pages = List.copyOf(pages);
        this.tabBoundRights = List.copyOf(tabBoundRights);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        ApplicationRouteRegistry routes = ApplicationRouteRegistry.getInstance(event.getSource().getContext());
        event.addIndexHtmlRequestListener(response -> answer(response, routes));
    }

    private void answer(IndexHtmlResponse response, ApplicationRouteRegistry routes) {
        if (!(response.getVaadinRequest() instanceof VaadinServletRequest request)) {
            return;
        }
        HttpServletRequest http = request.getHttpServletRequest();
        if (http.getUserPrincipal() == null) {
            return;
        }
        int status;
        try {
            status = statusOf(http, routes);
        } catch (RuntimeException unjudged) {
            // the status only mirrors the page; the page itself still shows what it may, so it is served as it is
            log.warn("No status for {}: {}", http.getRequestURI(), unjudged.toString());
            return;
        }
        if (status != HttpServletResponse.SC_OK) {
            response.getVaadinResponse().setStatus(status);
        }
    }

    int statusOf(HttpServletRequest http, ApplicationRouteRegistry routes) {
        // the path as the browser sends it to the router on navigating: still encoded (Flow.ts, Location)
        String path = http.getRequestURI().substring(http.getContextPath().length());
        Location location;
        try {
            location = new Location(path, QueryParameters.empty());
        } catch (InvalidLocationException noLocation) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
        NavigationRouteTarget target = routes.getNavigationRouteTarget(location.getPath());
        if (target == null || !target.hasTarget()) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
        if (!roles.hasAccess(target.getRouteTarget().getTarget(), http)) {
            return HttpServletResponse.SC_FORBIDDEN;
        }
        // as the router reads it: the fixed segments decoded, the id handed to the page as spelled in the address
        List<String> spelled = PathUtil.getSegmentsList(location.getPath());
        List<String> read = PathUtil.getSegmentsListWithDecoding(location.getPath());
        for (GuardedPage page : pages) {
            List<String> prefix = PathUtil.getSegmentsList(page.pathPrefix().substring(1));
            if (read.size() != prefix.size() + 1 || !read.subList(0, prefix.size()).equals(prefix)) {
                continue;
            }
            if (tabBoundRights.stream().anyMatch(GuardedPage.TabBoundRights::mayHoldTabBoundRights)) {
                return HttpServletResponse.SC_OK;
            }
            return switch (page.worthOf(spelled.get(prefix.size()))) {
                case OPEN -> HttpServletResponse.SC_OK;
                case REFUSED -> HttpServletResponse.SC_FORBIDDEN;
                case MALFORMED -> HttpServletResponse.SC_NOT_FOUND;
            };
        }
        return HttpServletResponse.SC_OK;
    }
}
