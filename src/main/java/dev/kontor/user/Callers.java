package dev.kontor.user;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * The one place that tells who is calling: it alone reads the security context (which Vaadin keeps in the HTTP
 * session) and asks which access session the current tab is bound to. Services take the {@link Caller} from here
 * or are handed one; {@code CallerResolutionTest} fails on any other reader.
 */
@Component
public class Callers {

    private final ObjectProvider<TabAccessSession> tabs;

    Callers(ObjectProvider<TabAccessSession> tabs) {
        this.tabs = tabs;
    }

    /** Who is calling now. */
    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return new Caller.Nobody();
        }
        if (authentication.getPrincipal() instanceof AuthenticatedUser user) {
            return of(user);
        }
        return new Caller.Nobody();
    }

    /** This signed-in person as the caller of the request being served: inside its tab's access session, if any. */
    private Caller of(AuthenticatedUser user) {
        if (user.apiToken().isEmpty()) {
            for (TabAccessSession tab : tabs.orderedStream().toList()) {
                Optional<Long> session = tab.ofThisTab(user);
                if (session.isPresent()) {
                    return new Caller.InAccessSession(user, session.get());
                }
            }
        }
        return new Caller.Person(user);
    }

    /** The signed-in person calling (a person or an API token), without asking for the tab's access session. */
    public Optional<AuthenticatedUser> person() {
        return signedInPrincipal();
    }

    /** The signed-in person; services call this first, so an anonymous call never gets further. */
    public AuthenticatedUser requirePerson() {
        return person().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
    }

    /** A system task that nobody started: start-up, demo data, a scheduled job, a cluster message. */
    public Caller.Task task(String name) {
        return new Caller.Task(name, null);
    }

    /**
     * A system task done for the person calling now (a provider administrator creating an account, a partner user
     * answering an invitation), so that the audit log names them as today.
     */
    public Caller.Task taskFor(String name) {
        Caller caller = current();
        return new Caller.Task(name, caller instanceof Caller.Nobody ? null : caller);
    }

    /**
     * A system task done for a person who is not signed in but has just proven who they are with a link sent only to
     * them (an invitation they accept by setting their first password), so that the audit log names them as it names
     * a signed-in person. It gives them no right: the task is the system's, and nobody is signed in by it.
     */
    public Caller.Task taskForLinkHolder(String name, UserSummary holder) {
        return new Caller.Task(name, new Caller.Person(new AuthenticatedUser(holder.id(), holder.email(),
                holder.displayName(), null, false, false, java.util.List.of())));
    }

    /**
     * Runs background work that carries on what a person asked for (a replacement, place after place) as that person
     * calling: their rights, checked anew, and their name in the audit log. Only for a thread that serves nobody
     * else (a job's), never inside a person's call; outside sign-in, the only place that establishes a caller.
     */
    public void actingAs(UserDetails person, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null,
                person.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static Optional<AuthenticatedUser> signedInPrincipal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }
}
