package dev.kontor.access;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.ApplicationConstants;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idle clock of an access session: what the partner user does in its tab (a click, a navigation, any request the
 * page sends for the person) counts as activity, noted after the request has been served, so that the request's own
 * rights checks have already ended a session that had idled out. Heartbeats are the page being open, not used, and do
 * not count. The rights check itself only reads (decision 0010).
 */
@Component
class AccessActivity implements VaadinServiceInitListener, VaadinRequestInterceptor {

    private final AccessSessionRepository sessions;
    private final AccessSettings settings;
    private final Clock clock;
    private final transient TransactionTemplate transaction;

    AccessActivity(AccessSessionRepository sessions, AccessSettings settings, Clock clock,
                   PlatformTransactionManager transactions) {
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addVaadinRequestInterceptor(this);
    }

    @Override
    public void requestStart(VaadinRequest request, VaadinResponse response) {
        // noted at the end, after the request's own checks
    }

    @Override
    public void handleException(VaadinRequest request, VaadinResponse response, VaadinSession session,
                                Exception exception) {
        // a failed request is still the person at work; requestEnd follows
    }

    @Override
    public void requestEnd(VaadinRequest request, VaadinResponse response, VaadinSession session) {
        if (session == null || !HandlerHelper.isRequestType(request, HandlerHelper.RequestType.UIDL)) {
            return;
        }
        String uiId = request.getParameter(ApplicationConstants.UI_ID_PARAMETER);
        if (uiId == null || !uiId.chars().allMatch(Character::isDigit) || uiId.isEmpty() || uiId.length() > 9) {
            return;
        }
        Optional<Long> bound;
        session.lock();
        try {
            UI ui = session.getUIById(Integer.parseInt(uiId));
            bound = ui == null ? Optional.empty() : AccessTab.boundTo(ui);
        } finally {
            session.unlock();
        }
        bound.ifPresent(this::noteActivity);
    }

    void noteActivity(long sessionId) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> sessions.noteActivity(sessionId, now,
                now.minus(AccessSession.ACTIVITY_RESOLUTION), now.minus(settings.idleTimeout())));
    }
}
