package dev.kontor.user;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling a service: a signed-in person (or an API token, which {@link AuthenticatedUser#apiToken()} tells
 * apart), that person working inside an access session bound to the current browser tab, a named system task (with
 * the person who started it, if anyone did), or nobody. {@link Callers} resolves it, in one place, from the request
 * being served; services ask it or are handed one.
 */
public sealed interface Caller permits Caller.Person, Caller.InAccessSession, Caller.Task, Caller.Nobody {

    /** The signed-in person calling: empty for a system task (even one a person started) and for nobody. */
    Optional<AuthenticatedUser> signedIn();

    /** The person to name as having done it: the signed-in person, or the person who started a system task. */
    default Optional<AuthenticatedUser> actor() {
        return signedIn();
    }

    /**
     * The guard of system work: a method that takes a task refuses to run without one, as method security refused a
     * call without the system's role (so that passing {@code null} gets no further than a view could).
     */
    static Task requireTask(Task task) {
        if (task == null) {
            throw new org.springframework.security.authorization.AuthorizationDeniedException("System work only");
        }
        return task;
    }

    /** A signed-in person (or an API token) outside any access session. */
    record Person(AuthenticatedUser user) implements Caller {

        public Person {
            Objects.requireNonNull(user);
        }

        @Override
        public Optional<AuthenticatedUser> signedIn() {
            return Optional.of(user);
        }
    }

    /**
     * A signed-in partner user whose browser tab is bound to an access session. The session may have ended or idled
     * meanwhile: whoever grants rights through it checks it on every call.
     */
    record InAccessSession(AuthenticatedUser user, long accessSessionId) implements Caller {

        public InAccessSession {
            Objects.requireNonNull(user);
        }

        @Override
        public Optional<AuthenticatedUser> signedIn() {
            return Optional.of(user);
        }
    }

    /**
     * Work the application does itself: start-up, demo data, background jobs, and the parts of a person's call that
     * no right of theirs covers (e.g. creating the organization a provider administrator onboards). Only
     * {@link Callers} makes one, so that holding a task is the proof that the code is system code; views never ask
     * for one (checked by {@code CallerResolutionTest}).
     */
    final class Task implements Caller {

        private final String name;
        private final Caller startedBy;

        Task(String name, Caller startedBy) {
            if (startedBy instanceof Task) {
                throw new IllegalArgumentException("A task is started by a person or by nobody");
            }
            this.name = Objects.requireNonNull(name);
            this.startedBy = startedBy;
        }

        public String name() {
            return name;
        }

        /**
         * The caller whose call started this work (a person, perhaps inside an access session), so that the audit
         * log names them and the partner they work for.
         */
        public Optional<Caller> startedBy() {
            return Optional.ofNullable(startedBy);
        }

        /** The signed-in person whose call started this work. */
        public Optional<AuthenticatedUser> initiator() {
            return startedBy().flatMap(Caller::signedIn);
        }

        @Override
        public Optional<AuthenticatedUser> signedIn() {
            return Optional.empty();
        }

        @Override
        public Optional<AuthenticatedUser> actor() {
            return initiator();
        }

        @Override
        public String toString() {
            return "Task[" + name + (startedBy == null ? "" : " for " + startedBy) + "]";
        }
    }

    /** Nobody is signed in (a public page, the sign-in form, a thread outside any request). */
    record Nobody() implements Caller {

        @Override
        public Optional<AuthenticatedUser> signedIn() {
            return Optional.empty();
        }
    }
}
