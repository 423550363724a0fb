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

    private final Map<String, FormDefinition> forms;
    private final List<String> order;

    private FormRegistry(Map<String, FormDefinition> forms) {
        this.forms = Map.copyOf(forms);
        this.order = List.copyOf(forms.keySet());
    }

    /** The forms the configuration enables for its mode. */
    public static FormRegistry load(KioskConfig config) {
        Map<String, FormDefinition> all = config.formsDir() == null ? loadBundled() : loadDir(config.formsDir());
        return select(all, config.mode(), config.enabledForms());
    }

    static FormRegistry select(Map<String, FormDefinition> all, Mode mode, Set<String> enabled) {
        for (String id : enabled) {
            if (!all.containsKey(id)) {
                throw new ConfigException("forms.enabled", "no form '" + id + "' (known: "
                        + String.join(", ", new TreeSet<>(all.keySet())) + ")");
            }
        }
        Map<String, FormDefinition> chosen = new LinkedHashMap<>();
        for (FormDefinition f : all.values()) {
            if (f.audience().equals(mode.id()) && (enabled.isEmpty() || enabled.contains(f.id()))) {
                chosen.put(f.id(), f);
            }
        }
        return new FormRegistry(chosen);
    }

    /** Every definition in {@code dir}, by file name order. */
    public static Map<String, FormDefinition> loadDir(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException("forms.dir", "cannot list " + dir + ": " + e.getMessage(), e);
        }
        Map<String, FormDefinition> out = new LinkedHashMap<>();
        for (Path f : files) {
            FormDefinition def = parseFile(f);
            if (out.put(def.id(), def) != null) {
                throw new ConfigException("forms.dir", f.getFileName() + ": a second form with id '" + def.id() + "'");
            }
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

    /** The offered forms, in file order. */
    public List<FormDefinition> all() {
        List<FormDefinition> out = new ArrayList<>();
        for (String id : order) {
            out.add(forms.get(id));
        }
        return out;
    }

    public Optional<FormDefinition> get(String id) {
        return Optional.ofNullable(forms.get(id));
    }
}
