package dev.kontor.user;

/**
 * System tasks for tests that set data up as the provider's tooling or the demo data would. In the application only
 * {@link Callers} makes a task; a test that has the bean at hand may ask it instead.
 */
public final class TestTasks {

    private TestTasks() {
    }

    /** A task that nobody started: data a test puts in place before anyone acts. */
    public static Caller.Task setUp() {
        return new Caller.Task("test set-up", null);
    }

    /** A task this person started, as {@link Callers#taskFor(String)} makes one inside their call. */
    public static Caller.Task startedBy(AuthenticatedUser person) {
        return new Caller.Task("test", new Caller.Person(person));
    }
}
