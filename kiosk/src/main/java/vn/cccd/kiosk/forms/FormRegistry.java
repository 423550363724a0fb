package vn.cccd.kiosk.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import vn.cccd.kiosk.config.ConfigException;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.config.Mode;

/**
 * The procedure forms the kiosk offers: every {@code *.json} in the forms directory (or bundled in the jar),
 * each checked when the kiosk starts. A broken definition stops the start with a message naming the file and the
 * field, rather than failing in front of a citizen.
 */
public final class FormRegistry {
    static final String BUNDLED_DIR = "/config/forms";
    private static final long MAX_FILE_BYTES = 256 * 1024;
    private static final Pattern FORM_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern FIELD_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*");
    private static final Set<String> LAYOUTS = Set.of("full", "half", "boxes");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Every version of each procedure, by id, in file order. */
    private final Map<String, List<FormDefinition>> forms;
    private final Map<String, String> aliases;
    private final java.time.Clock clock;

    private FormRegistry(Map<String, List<FormDefinition>> forms, Map<String, String> aliases, java.time.Clock clock) {
        this.forms = Map.copyOf(forms);
        this.order = List.copyOf(forms.keySet());
        this.aliases = Map.copyOf(aliases);
        this.clock = clock;
    }

    private final List<String> order;

    /** The forms the configuration enables for its mode, versions chosen by today's date. */
    public static FormRegistry load(KioskConfig config) {
        return load(config, java.time.Clock.systemDefaultZone());
    }

    /** The forms the configuration enables for its mode; the version offered is the one in force on the clock's day. */
    public static FormRegistry load(KioskConfig config, java.time.Clock clock) {
        Map<String, FormDefinition> all = config.formsDir() == null ? loadBundled() : loadDir(config.formsDir());
        return select(all, config.mode(), config.enabledForms(), clock);
    }

    static FormRegistry select(Map<String, FormDefinition> all, Mode mode, Set<String> enabled) {
        return select(all, mode, enabled, java.time.Clock.systemDefaultZone());
    }

    static FormRegistry select(Map<String, FormDefinition> all, Mode mode, Set<String> enabled, java.time.Clock clock) {
        Map<String, List<FormDefinition>> byId = new LinkedHashMap<>();
        Map<String, String> aliases = new HashMap<>();
        for (FormDefinition f : all.values()) {
            byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f);
            for (String a : f.aliases()) {
                aliases.put(a, f.id());
            }
        }
        for (String a : aliases.keySet()) {
            if (byId.containsKey(a)) {
                throw new ConfigException("forms.dir", "'" + a + "' is both a form id and an alias of '"
                        + aliases.get(a) + "'");
            }
        }
        for (List<FormDefinition> versions : byId.values()) {
            checkPeriods(versions);
        }
        Set<String> wanted = new HashSet<>();
        for (String id : enabled) {
            String real = aliases.getOrDefault(id, id);
            if (!byId.containsKey(real)) {
                throw new ConfigException("forms.enabled", "no form '" + id + "' (known: "
                        + String.join(", ", new TreeSet<>(byId.keySet())) + ")");
            }
            wanted.add(real);
        }
        Map<String, List<FormDefinition>> chosen = new LinkedHashMap<>();
        for (Map.Entry<String, List<FormDefinition>> e : byId.entrySet()) {
            FormDefinition first = e.getValue().get(0);
            if (first.audience().equals(mode.id()) && (wanted.isEmpty() || wanted.contains(e.getKey()))) {
                chosen.put(e.getKey(), e.getValue());
            }
        }
        return new FormRegistry(chosen, aliases, clock);
    }

    /** Versions of one procedure must not be in force on the same day, nor serve different audiences. */
    private static void checkPeriods(List<FormDefinition> versions) {
        for (int i = 0; i < versions.size(); i++) {
            for (int j = i + 1; j < versions.size(); j++) {
                FormDefinition a = versions.get(i);
                FormDefinition b = versions.get(j);
                String from = max(a.validFrom(), b.validFrom());
                String until = min(a.validUntil(), b.validUntil());
                if (from == null || until == null || from.compareTo(until) <= 0) {
                    throw new ConfigException("forms.dir", "form '" + a.id() + "': the versions '" + a.version()
                            + "' and '" + b.version() + "' are both in force on some days (set validFrom/validUntil)");
                }
                if (!a.audience().equals(b.audience())) {
                    throw new ConfigException("forms.dir", "form '" + a.id() + "': versions for different audiences");
                }
            }
        }
    }

    private static String max(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    private static String min(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    /** Every definition in {@code dir} by file name (without .json), in file name order. */
    public static Map<String, FormDefinition> loadDir(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException("forms.dir", "cannot list " + dir + ": " + e.getMessage(), e);
        }
        Map<String, FormDefinition> out = new LinkedHashMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            out.put(name.substring(0, name.length() - ".json".length()), parseFile(f));
        }
        return out;
    }

    /** The definitions bundled in the jar (a copy of the repository's config/forms). */
    public static Map<String, FormDefinition> loadBundled() {
        URL url = FormRegistry.class.getResource(BUNDLED_DIR);
        if (url == null) {
            throw new ConfigException("forms.dir", "no forms directory configured and none bundled in the jar");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return loadDir(fs.getPath(BUNDLED_DIR));
            }
            return loadDir(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new ConfigException("forms.dir", "cannot open the bundled forms: " + e.getMessage(), e);
        }
    }

    static FormDefinition parseFile(Path file) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException("forms.dir", name + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return parse(Files.readAllBytes(file), name);
        } catch (IOException e) {
            throw new ConfigException("forms.dir", "cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** Parses and checks one definition; errors name {@code source} and the field. */
    public static FormDefinition parse(byte[] json, String source) {
        FormDefinition def;
        try {
            def = MAPPER.readValue(json, FormDefinition.class);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String at = e.getPath().isEmpty() ? "" : " (at " + e.getPathReference().replace("vn.cccd.kiosk.forms.", "")
                    + ")";
            throw new ConfigException("forms.dir", source + ": " + e.getOriginalMessage() + at);
        } catch (JsonProcessingException e) {
            throw new ConfigException("forms.dir", source + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("forms.dir", source + ": " + e.getMessage());
        }
        if (def == null) {
            throw new ConfigException("forms.dir", source + " is empty");
        }
        try {
            check(def);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("forms.dir", source + ": " + e.getMessage());
        }
        return def;
    }

    private static void check(FormDefinition def) {
        require(def.id() != null && FORM_ID.matcher(def.id()).matches(), "id must be lower-case words joined by -");
        require(def.title() != null && def.title().vi() != null, "title.vi is required");
        require(def.version() != null, "version is required (the legal version the form follows)");
        // a station's own form may have no instrument; every bundled one has (FormRegistryTest)
        require(def.legalBasis() == null || def.legalBasis().instrument() != null,
                "legalBasis needs its instrument");
        FormDefinition.LegalBasis lb = def.legalBasis();
        for (String d : new String[] {def.validFrom(), def.validUntil(), lb == null ? null : lb.inForceFrom(),
                lb == null ? null : lb.date()}) {
            if (d != null) {
                try {
                    java.time.LocalDate.parse(d);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("dates are ISO (YYYY-MM-DD): " + d);
                }
            }
        }
        require(def.validFrom() == null || def.validUntil() == null || def.validFrom().compareTo(def.validUntil()) <= 0,
                "validFrom is after validUntil");
        for (String a : def.aliases()) {
            require(FORM_ID.matcher(a).matches() && !a.equals(def.id()), "aliases are other form ids");
        }
        require(def.audience() != null, "audience is required");
        try {
            Mode.parse(def.audience());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("audience: " + e.getMessage());
        }
        require(!def.sections().isEmpty(), "a form needs at least one section");
        Set<String> roles = new HashSet<>();
        for (FormDefinition.CardRole r : def.cardRoles()) {
            require(r.id() != null && FIELD_ID.matcher(r.id()).matches(), "card role ids are words like mother");
            require(!r.id().equals("config"), "card role 'config' is reserved");
            require(roles.add(r.id()), "card role '" + r.id() + "' twice");
            require(r.label() != null, "card role " + r.id() + " needs a label");
            for (String path : r.match().keySet()) {
                source("card role " + r.id() + " match", path, Set.of());
            }
        }
        Set<String> ids = new HashSet<>();
        for (FormDefinition.Section s : def.sections()) {
            for (FormDefinition.Field f : s.fields()) {
                require(f.id() != null && FIELD_ID.matcher(f.id()).matches(),
                        "field id '" + f.id() + "' must be a word like fullName");
                require(ids.add(f.id()), "field id '" + f.id() + "' twice");
                checkField(f, roles);
            }
        }
        if (def.addressee() != null) {
            require(ids.contains(def.addressee()), "addressee names no field: " + def.addressee());
        }
        if (def.placeSource() != null) {
            source("placeSource", def.placeSource(), roles);
        }
        for (FormDefinition.Signature sig : def.signatures()) {
            require(sig.title() != null, "a signature needs a title");
            if (sig.nameSource() != null) {
                source("signature " + sig.title().vi(), sig.nameSource(), roles);
            }
        }
    }

    private static void checkField(FormDefinition.Field f, Set<String> roles) {
        String n = "field " + f.id() + ": ";
        require(f.label() != null && f.label().vi() != null, n + "label.vi is required");
        require(LAYOUTS.contains(f.layout()), n + "layout must be full, half or boxes");
        if (f.source() != null) {
            require(f.type() != FieldType.TABLE, n + "a table cannot have a source");
            source(n + "source", f.source(), roles);
        }
        pattern(n, f.pattern());
        require(f.maxLength() == null || f.maxLength() > 0 && f.maxLength() <= 5000, n + "maxLength must be 1-5000");
        if (f.type() == FieldType.SELECT) {
            require(!f.options().isEmpty(), n + "a select needs options");
            for (FormDefinition.Option o : f.options()) {
                require(o.value() != null && o.label() != null, n + "every option needs a value and a label");
            }
        }
        if (f.type() == FieldType.TABLE) {
            require(!f.columns().isEmpty(), n + "a table needs columns");
            require(f.effectiveMaxRows() > 0 && f.effectiveMaxRows() <= 50, n + "maxRows must be 1-50");
            Set<String> cols = new HashSet<>();
            for (FormDefinition.Column c : f.columns()) {
                require(c.id() != null && FIELD_ID.matcher(c.id()).matches() && cols.add(c.id()),
                        n + "column ids must be unique words");
                require(c.label() != null, n + "column " + c.id() + " needs a label");
                require(c.type() != FieldType.TABLE && c.type() != FieldType.SELECT,
                        n + "column " + c.id() + " cannot be a table or select");
                pattern(n + "column " + c.id() + ": ", c.pattern());
            }
        } else {
            require(f.columns().isEmpty(), n + "only a table has columns");
        }
    }

    private static void pattern(String n, String pattern) {
        if (pattern == null) {
            return;
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(n + "bad pattern: " + e.getDescription());
        }
    }

    private static SourceExpression source(String where, String text, Set<String> roles) {
        SourceExpression e;
        try {
            e = SourceExpression.parse(text);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + ": " + ex.getMessage());
        }
        if (e.role() != null && !roles.contains(e.role())) {
            throw new IllegalArgumentException(where + ": card role '" + e.role() + "' is not declared in cardRoles");
        }
        return e;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The offered forms: of each procedure the version in force today, in file order. */
    public List<FormDefinition> all() {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        List<FormDefinition> out = new ArrayList<>();
        for (String id : order) {
            inForce(forms.get(id), today).ifPresent(out::add);
        }
        return out;
    }

    /** The version of a procedure (by id or former id) in force today, if it is offered. */
    public Optional<FormDefinition> get(String id) {
        List<FormDefinition> versions = forms.get(aliases.getOrDefault(id, id));
        return versions == null ? Optional.empty() : inForce(versions, java.time.LocalDate.now(clock));
    }

    /** Every version of a procedure held as data, in file order (older ones included). */
    public List<FormDefinition> versions(String id) {
        return forms.getOrDefault(aliases.getOrDefault(id, id), List.of());
    }

    private static Optional<FormDefinition> inForce(List<FormDefinition> versions, java.time.LocalDate day) {
        return versions.stream().filter(v -> v.inForceOn(day)).findFirst();
    }
}
