package dev.kontor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.base.OwnsTables;
import dev.kontor.base.ReadModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyDepth;

/**
 * Each table belongs to exactly one module: the module of the entity that maps it, or the module whose
 * {@code package-info} declares it with {@link OwnsTables}. No module names another module's table or entity in its
 * SQL or JPQL (query strings and text blocks, JPA repositories' entity types, {@code find}/{@code createQuery} with an
 * entity class), except in a class declared a {@link ReadModel} for exactly the names it lists, and then only to read
 * ({@code INSERT INTO}, {@code UPDATE}, {@code DELETE FROM} another module's table fail everywhere). Spring Modulith's
 * {@code verify()} sees only Java references; this test sees the ones inside query text.
 *
 * <p>It reads the sources, not the running queries: a string counts as query text when it starts like a statement
 * ({@code SELECT}, {@code UPDATE}, {@code DELETE}, {@code INSERT}, {@code WITH}, ...) or holds {@code SELECT ... FROM};
 * within it, a name counts where a table or entity stands: after {@code FROM} (and in its comma list), {@code JOIN},
 * {@code INTO}, {@code UPDATE}, {@code USING}. A property path ({@code r.customer}) is a mapped association, a Java
 * reference that Modulith checks, and does not count.
 */
class ModuleDataOwnershipTest {

    private static final Path ROOT = Path.of("src/main/java/dev/kontor");
    private static final List<Path> MIGRATIONS = List.of(Path.of("src/main/resources/db/migration"),
            Path.of("src/main/resources/db/vendor"));

    /** Modules that load data sets into every feature's tables by design (see their package-info). */
    private static final Set<String> DATA_LOADERS = Set.of("volume");

    private static final Pattern ENTITY = Pattern.compile("(?m)^\\s*@Entity\\b(?:\\(\\s*name\\s*=\\s*\"(\\w+)\"\\s*\\))?");
    private static final Pattern MAPPED_TABLE = Pattern.compile("@(?:Table|CollectionTable|JoinTable)\\(\\s*name\\s*=\\s*\"(\\w+)\"");
    private static final Pattern CREATED_TABLE = Pattern.compile(
            "(?i)\\bcreate\\s+(?:unlogged\\s+)?(?:table|(?:or\\s+replace\\s+)?view)\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern DROPPED_TABLE = Pattern.compile(
            "(?i)\\bdrop\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?(\\w+)");
    private static final Pattern QUERY_TEXT = Pattern.compile(
            "(?is)^\\s*\\(?\\s*(?:select|insert|update|delete|with|merge|truncate|from|join|left\\s+join|union)\\b.*"
                    + "|(?is).*\\bselect\\b.+\\bfrom\\b.*");
    private static final Pattern SQL_TOKEN = Pattern.compile(
            "'(?:[^']|'')*'|--[^\\n]*|[A-Za-z_][A-Za-z0-9_$]*(?:\\.[A-Za-z_][A-Za-z0-9_$]*)*|\\S");
    private static final Pattern ENTITY_TYPE_USE = Pattern.compile(
            "\\b(?:Jpa|Crud|ListCrud|PagingAndSorting|ListPagingAndSorting)Repository<\\s*(\\w+)\\s*,"
                    + "|\\.(?:find|createQuery|createNativeQuery|from)\\([^;]*?\\b(\\w+)\\.class");
    private static final Set<String> TABLE_BEFORE = Set.of("from", "join", "into", "update", "using");
    private static final Set<String> SKIPPED_AFTER_KEYWORD = Set.of("fetch", "lateral", "only");
    private static final Set<String> CLAUSE_WORDS = Set.of("where", "join", "left", "right", "inner", "outer",
            "cross", "full", "on", "group", "order", "limit", "union", "having", "set", "natural", "for", "window",
            "offset", "except", "intersect", "returning", "values", "fetch", "using");

    record JavaFile(String module, Path path, String code, List<Literal> literals) {

        String className() {
            String relative = ROOT.relativize(path).toString().replace('/', '.').replace('\\', '.');
            return "dev.kontor." + relative.substring(0, relative.length() - ".java".length());
        }

        int lineOf(int index) {
            int line = 1;
            for (int i = 0; i < index; i++) {
                if (code.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    /** A string literal, or several joined with {@code +}, with the source line of each of its characters. */
    record Literal(String text, int[] lines) {
    }

    record Owner(String module, String name) {
    }

    record Crossing(String module, String name, String owner, Path file, int line, boolean write) {

        @Override
        public String toString() {
            return module + (write ? " writes " : " → ") + name + " (of " + owner + ") at " + ROOT.relativize(file)
                    + ":" + line;
        }
    }

    private final List<JavaFile> files = javaFiles();
    private final Set<String> tables = new TreeSet<>();
    private final Map<String, Owner> owners = owners();

    @Test
    void every_table_the_migrations_create_has_exactly_one_owning_module() {
        Set<String> created = createdTables();
        Set<String> owned = new TreeSet<>(tables);
        assertThat(created).as("tables the migrations create and no module owns").isSubsetOf(owned);
        assertThat(owned).as("tables modules claim that the migrations do not create").isSubsetOf(created);
    }

    @Test
    void no_module_names_another_modules_table_or_entity_outside_its_declared_read_models() {
        List<Crossing> crossings = new ArrayList<>();
        for (JavaFile file : files) {
            if (DATA_LOADERS.contains(file.module())) {
                continue;
            }
            Set<String> allowed = declaredReads(file);
            for (Crossing crossing : namedElsewhere(file)) {
                if (crossing.write() || !allowed.contains(crossing.name().toLowerCase(Locale.ROOT))) {
                    crossings.add(crossing);
                }
            }
        }
        assertThat(crossings).as("names of other modules' tables and entities in SQL or JPQL (a read model may read, "
                + "never write, them)").isEmpty();
    }

    @Test
    void each_read_model_reads_what_it_declares_and_is_named_in_its_package_info_and_a_decision_record() {
        List<String> problems = new ArrayList<>();
        for (JavaFile file : files) {
            ReadModel readModel = readModel(file);
            if (readModel == null) {
                continue;
            }
            String where = ROOT.relativize(file.path()).toString();
            Path decision = Path.of(readModel.decision());
            if (!Files.isRegularFile(decision)) {
                problems.add(where + ": no decision record " + decision);
            } else if (!read(decision).contains(simpleName(file))) {
                problems.add(where + ": " + decision + " does not name " + simpleName(file));
            }
            if (!read(ROOT.resolve(file.module()).resolve("package-info.java")).contains(simpleName(file))) {
                problems.add(where + ": the package-info of " + file.module() + " does not name it");
            }
            Set<String> named = new HashSet<>();
            namedElsewhere(file).forEach(crossing -> named.add(crossing.name().toLowerCase(Locale.ROOT)));
            for (String read : readModel.reads()) {
                Owner owner = owners.get(read.toLowerCase(Locale.ROOT));
                if (owner == null || owner.module().equals(file.module())) {
                    problems.add(where + ": " + read + " is no table or entity of another module");
                } else if (!named.contains(read.toLowerCase(Locale.ROOT))) {
                    problems.add(where + ": declares " + read + " but does not read it");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * A read model follows the modules' Java dependencies: it may read a module its own module may depend on, never
     * one that depends on its module (a cycle that {@code verify()} cannot see). Such a read is turned around: the
     * lower module declares the question as an interface and the upper module answers it.
     */
    @Test
    void no_read_model_reads_a_module_that_depends_on_its_own() {
        ApplicationModules modules = ApplicationModules.of(KontorApplication.class);
        List<String> cycles = new ArrayList<>();
        for (JavaFile file : files) {
            if (readModel(file) == null) {
                continue;
            }
            for (Crossing crossing : namedElsewhere(file)) {
                ApplicationModule owner = modules.getModuleByName(crossing.owner()).orElseThrow();
                if (owner.getDependencies(modules, DependencyDepth.ALL).containsModuleNamed(file.module())) {
                    cycles.add(crossing + ", while " + crossing.owner() + " depends on " + file.module());
                }
            }
        }
        assertThat(cycles).isEmpty();
    }

    private List<Crossing> namedElsewhere(JavaFile file) {
        List<Crossing> found = new ArrayList<>();
        for (Literal literal : file.literals()) {
            if (!QUERY_TEXT.matcher(literal.text()).matches()) {
                continue;
            }
            List<int[]> tokens = new ArrayList<>();
            Matcher matcher = SQL_TOKEN.matcher(literal.text());
            while (matcher.find()) {
                if (!matcher.group().startsWith("'") && !matcher.group().startsWith("--")) {
                    tokens.add(new int[] {matcher.start(), matcher.end()});
                }
            }
            for (int i = 0; i < tokens.size(); i++) {
                if (!TABLE_BEFORE.contains(lower(literal, tokens.get(i)))) {
                    continue;
                }
                boolean fromList = lower(literal, tokens.get(i)).equals("from");
                boolean write = lower(literal, tokens.get(i)).equals("into") || lower(literal, tokens.get(i))
                        .equals("update") || fromList && i > 0 && lower(literal, tokens.get(i - 1)).equals("delete");
                int j = i + 1;
                while (j < tokens.size() && SKIPPED_AFTER_KEYWORD.contains(lower(literal, tokens.get(j)))) {
                    j++;
                }
                while (j < tokens.size()) {
                    check(file, literal, tokens.get(j), write, found);
                    if (!fromList) {
                        break;
                    }
                    int k = j + 1;
                    if (k < tokens.size() && lower(literal, tokens.get(k)).equals("as")) {
                        k++;
                    }
                    if (k < tokens.size() && isIdentifier(lower(literal, tokens.get(k)))
                            && !CLAUSE_WORDS.contains(lower(literal, tokens.get(k)))) {
                        k++;
                    }
                    if (k < tokens.size() && lower(literal, tokens.get(k)).equals(",")) {
                        j = k + 1;
                    } else {
                        break;
                    }
                }
            }
        }
        Matcher uses = ENTITY_TYPE_USE.matcher(file.code());
        while (uses.find()) {
            String name = uses.group(1) != null ? uses.group(1) : uses.group(2);
            Owner owner = owners.get(name.toLowerCase(Locale.ROOT));
            if (owner != null && !owner.module().equals(file.module())) {
                found.add(new Crossing(file.module(), name, owner.module(), file.path(), file.lineOf(uses.start()),
                        false));
            }
        }
        return found;
    }

    private void check(JavaFile file, Literal literal, int[] token, boolean write, List<Crossing> found) {
        String name = literal.text().substring(token[0], token[1]);
        Owner owner = owners.get(name.toLowerCase(Locale.ROOT));
        if (owner != null && !owner.module().equals(file.module())) {
            found.add(new Crossing(file.module(), name, owner.module(), file.path(), literal.lines()[token[0]],
                    write));
        }
    }

    private static String lower(Literal literal, int[] token) {
        return literal.text().substring(token[0], token[1]).toLowerCase(Locale.ROOT);
    }

    private static boolean isIdentifier(String token) {
        return Character.isLetter(token.charAt(0)) || token.charAt(0) == '_';
    }

    private Set<String> declaredReads(JavaFile file) {
        ReadModel readModel = readModel(file);
        Set<String> reads = new HashSet<>();
        if (readModel != null) {
            for (String read : readModel.reads()) {
                reads.add(read.toLowerCase(Locale.ROOT));
            }
        }
        return reads;
    }

    private static ReadModel readModel(JavaFile file) {
        try {
            return Class.forName(file.className()).getAnnotation(ReadModel.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(file.path() + " has no class of its name", e);
        }
    }

    private static String simpleName(JavaFile file) {
        String name = file.path().getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }

    /** Lower-case table and entity names with their owning module; entity names keep their case in {@link Owner}. */
    private Map<String, Owner> owners() {
        Map<String, Owner> result = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        for (JavaFile file : files) {
            String source = read(file.path());
            Matcher entity = ENTITY.matcher(source);
            if (entity.find()) {
                claim(result, clashes, file.module(), entity.group(1) != null ? entity.group(1) : simpleName(file));
            }
            Matcher table = MAPPED_TABLE.matcher(source);
            while (table.find()) {
                tables.add(table.group(1).toLowerCase(Locale.ROOT));
                claim(result, clashes, file.module(), table.group(1));
            }
        }
        for (String module : modules()) {
            OwnsTables declared = packageOf(module).getAnnotation(OwnsTables.class);
            if (declared != null) {
                for (String table : declared.value()) {
                    tables.add(table.toLowerCase(Locale.ROOT));
                    claim(result, clashes, module, table);
                }
            }
        }
        assertThat(clashes).as("tables or entities that two modules claim").isEmpty();
        return result;
    }

    private static void claim(Map<String, Owner> owners, List<String> clashes, String module, String name) {
        Owner previous = owners.putIfAbsent(name.toLowerCase(Locale.ROOT), new Owner(module, name));
        if (previous != null && isEntityName(name) == isEntityName(previous.name())) {
            clashes.add(name + ": " + previous.module() + " and " + module);
        } else if (previous != null && !previous.module().equals(module)) {
            clashes.add(name + ": " + previous.module() + " and " + module);
        }
    }

    private static boolean isEntityName(String name) {
        return Character.isUpperCase(name.charAt(0));
    }

    private static Class<?> packageOf(String module) {
        try {
            return Class.forName("dev.kontor." + module + ".package-info");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("module " + module + " has no package-info", e);
        }
    }

    private static Set<String> createdTables() {
        Set<String> tables = new TreeSet<>();
        for (Path folder : MIGRATIONS) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.filter(path -> path.toString().endsWith(".sql")).sorted().forEach(path -> {
                    String sql = read(path);
                    CREATED_TABLE.matcher(sql).results().forEach(m -> tables.add(m.group(1).toLowerCase(Locale.ROOT)));
                    DROPPED_TABLE.matcher(sql).results().forEach(m -> tables.remove(m.group(1).toLowerCase(Locale.ROOT)));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tables;
    }

    private static List<String> modules() {
        try (Stream<Path> paths = Files.list(ROOT)) {
            return paths.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JavaFile> javaFiles() {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            return paths.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !path.getFileName().toString().equals("package-info.java"))
                    .filter(path -> ROOT.relativize(path).getNameCount() > 1)
                    .sorted()
                    .map(path -> {
                        StringBuilder code = new StringBuilder();
                        List<Literal> literals = lex(read(path), code);
                        return new JavaFile(ROOT.relativize(path).getName(0).toString(), path, code.toString(),
                                literals);
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The string literals and text blocks of a Java source, those joined by {@code +} as one; {@code code} receives
     * the source with comments and literals blanked (line breaks kept), for finding entity types used in code.
     */
    static List<Literal> lex(String source, StringBuilder code) {
        List<Literal> literals = new ArrayList<>();
        StringBuilder text = null;
        List<Integer> lines = null;
        int lastEnd = -1;
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    code.append(' ');
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                for (; i < end; i++) {
                    line += blank(source.charAt(i), code);
                }
            } else if (c == '\'') {
                code.append(' ');
                i++;
                while (i < source.length() && source.charAt(i) != '\'') {
                    if (source.charAt(i) == '\\') {
                        code.append(' ');
                        i++;
                    }
                    code.append(' ');
                    i++;
                }
                code.append(' ');
                i++;
            } else if (c == '"') {
                boolean joined = text != null && source.substring(lastEnd, i).strip().equals("+");
                if (!joined) {
                    if (text != null) {
                        literals.add(new Literal(text.toString(), lines.stream().mapToInt(Integer::intValue).toArray()));
                    }
                    text = new StringBuilder();
                    lines = new ArrayList<>();
                } else {
                    text.append(' ');
                    lines.add(line);
                }
                boolean block = source.startsWith("\"\"\"", i);
                String close = block ? "\"\"\"" : "\"";
                int start = block ? source.indexOf('\n', i) + 1 : i + 1;
                for (; i < start; i++) {
                    line += blank(source.charAt(i), code);
                }
                while (i < source.length() && !source.startsWith(close, i)) {
                    if (source.charAt(i) == '\\' && i + 1 < source.length()) {
                        text.append(source.charAt(i));
                        lines.add(line);
                        line += blank(source.charAt(i), code);
                        i++;
                    }
                    text.append(source.charAt(i));
                    lines.add(line);
                    line += blank(source.charAt(i), code);
                    i++;
                }
                for (int k = 0; k < close.length() && i < source.length(); k++, i++) {
                    code.append(' ');
                }
                lastEnd = i;
            } else {
                code.append(c);
                if (c == '\n') {
                    line++;
                }
                i++;
            }
        }
        if (text != null) {
            literals.add(new Literal(text.toString(), lines.stream().mapToInt(Integer::intValue).toArray()));
        }
        return literals;
    }

    private static int blank(char c, StringBuilder code) {
        code.append(c == '\n' ? '\n' : ' ');
        return c == '\n' ? 1 : 0;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
