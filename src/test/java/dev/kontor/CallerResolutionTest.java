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
 * reads the security context or the access session bound to a tab, nothing else in the application switches it, and
 * views never start system work (system methods take a task that only {@code Callers} makes). It reads the compiled
 * classes (lambdas and nested classes count as their outermost class) and names each offender.
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

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kontor");

    @Test
    void only_the_resolver_reads_the_security_context() {
        assertThat(readers(access -> access.getTargetOwner().isEquivalentTo(
                org.springframework.security.core.context.SecurityContextHolder.class)))
                .isSubsetOf(union(Set.of(RESOLVER), SIGN_IN, ROUTE_ACCESS));
    }

    @Test
    void the_static_holders_are_gone() {
        assertThat(CLASSES.stream().map(JavaClass::getName))
                .doesNotContain("dev.kontor.user.CurrentUser", "dev.kontor.user.SystemTask");
    }

    @Test
    void no_method_asks_for_a_system_role_any_more() {
        // system work takes a Caller.Task, which only Callers makes, instead of an authority a context could carry
        Set<String> guarded = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            type.getMethods().stream()
                    .flatMap(method -> method.tryGetAnnotationOfType(
                            org.springframework.security.access.prepost.PreAuthorize.class).stream()
                            .map(annotation -> type.getName() + "." + method.getName() + " " + annotation.value()))
                    .filter(line -> line.contains("SYSTEM"))
                    .forEach(guarded::add);
            type.tryGetAnnotationOfType(org.springframework.security.access.prepost.PreAuthorize.class)
                    .filter(annotation -> annotation.value().contains("SYSTEM"))
                    .ifPresent(annotation -> guarded.add(type.getName()));
        }
        assertThat(guarded).isEmpty();
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
