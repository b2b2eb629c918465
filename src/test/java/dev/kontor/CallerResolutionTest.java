package dev.kontor;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Who is calling is resolved in one place, {@code user/Callers} (decision 0010): no other class of the application
 * reads the security context, the static holders {@code CurrentUser} and {@code SystemTask}, or the access session
 * bound to a tab; views never start system work. It reads the compiled classes (lambdas and nested classes count as
 * their outermost class) and names each offender.
 */
class CallerResolutionTest {

    private static final String RESOLVER = "dev.kontor.user.Callers";

    /**
     * Sign-in itself: these establish (write) who is signed in, and read what the sign-in holds so far (its factors),
     * which is no caller yet.
     */
    private static final Set<String> SIGN_IN = Set.of("dev.kontor.security.SignInFactors",
            "dev.kontor.security.SecondStep", "dev.kontor.api.ApiTokenFilter");

    /**
     * The menu's cache of what Vaadin's route access allows, kept per set of authorities: it reads the authorities
     * only as the key (Vaadin's own check reads the same context), never who calls, and lives in {@code base}, which
     * knows no feature's {@code Callers}.
     */
    private static final Set<String> ROUTE_ACCESS = Set.of("dev.kontor.base.ui.MenuEntries");

    /** Classes still asking the static holders; the list only shrinks, and the last step of issue 19 empties it. */
    private static final Set<String> NOT_YET_MOVED = Set.of("dev.kontor.user.SystemTask");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kontor");

    @Test
    void only_the_resolver_reads_the_security_context() {
        assertThat(readers(access -> access.getTargetOwner().isEquivalentTo(
                org.springframework.security.core.context.SecurityContextHolder.class)))
                .isSubsetOf(union(Set.of(RESOLVER), SIGN_IN, ROUTE_ACCESS, NOT_YET_MOVED));
    }

    @Test
    void nobody_asks_the_static_holders_outside_the_classes_not_yet_moved() {
        assertThat(readers(access -> Set.of("dev.kontor.user.CurrentUser", "dev.kontor.user.SystemTask")
                .contains(access.getTargetOwner().getName())))
                .isSubsetOf(union(Set.of(RESOLVER), NOT_YET_MOVED));
    }

    @Test
    void the_list_of_classes_not_yet_moved_only_names_classes_that_still_need_it() {
        Set<String> stillReading = readers(access -> Set.of("dev.kontor.user.CurrentUser",
                        "dev.kontor.user.SystemTask", "org.springframework.security.core.context.SecurityContextHolder")
                .contains(access.getTargetOwner().getName()));
        assertThat(NOT_YET_MOVED).isSubsetOf(stillReading);
    }

    @Test
    void only_the_access_sessions_read_which_session_a_tab_is_bound_to() {
        assertThat(readers(access -> access.getTargetOwner().getName().equals("dev.kontor.access.AccessTab")
                && Set.of("sessionId", "carriedOver").contains(access.getName())))
                .containsOnly("dev.kontor.access.AccessSessions");
    }

    @Test
    void views_never_start_system_work() {
        Set<String> views = readers(access -> access.getTargetOwner().getName().equals(RESOLVER)
                && access.getName().startsWith("task"));
        assertThat(views).noneMatch(name -> name.contains(".ui."));
    }

    /** The outermost classes that make an access matching the predicate, the class of the target itself excepted. */
    private static Set<String> readers(Predicate<JavaAccess<?>> matches) {
        Set<String> readers = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            String reader = outermost(type).getName();
            for (JavaAccess<?> access : type.getAccessesFromSelf()) {
                if (matches.test(access) && !outermost(access.getTargetOwner()).getName().equals(reader)) {
                    readers.add(reader);
                }
            }
        }
        return readers;
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass current = type;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
