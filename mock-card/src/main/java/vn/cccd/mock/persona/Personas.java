package vn.cccd.mock.persona;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.cccd.reader.model.Person;

/**
 * The built-in personas (resources next to this class, listed in {@code personas.txt}) and persona files.
 * Loading validates what the document factory relies on and says what is wrong in words.
 */
public final class Personas {
    /** Persona files are at most this big: they are a few hundred bytes of text. */
    static final long MAX_FILE_BYTES = 256 * 1024;
    private static final String INDEX = "personas.txt";
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{12}");
    private static final Pattern OLD_ID = Pattern.compile("[0-9]{9}|[0-9]{12}");
    private static final Pattern CAN = Pattern.compile("[0-9]{6}");
    private static final Pattern STATE = Pattern.compile("[A-Z]{3}|D");
    private static final Pattern DOC_NUMBER = Pattern.compile("[0-9A-Z]{1,9}");

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Personas() {
    }

    /** Names of the built-in personas, in a stable order. */
    public static List<String> builtInNames() {
        try (InputStream in = Personas.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("built-in persona index " + INDEX + " is missing from the jar");
            }
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every built-in persona. */
    public static List<Persona> builtIn() {
        return builtInNames().stream().map(Personas::builtIn).toList();
    }

    /**
     * A built-in persona by name.
     *
     * @throws IllegalArgumentException naming the known personas when there is none of that name
     */
    public static Persona builtIn(String name) {
        if (!builtInNames().contains(name)) {
            throw new IllegalArgumentException("no built-in persona '" + name + "'; known: "
                    + String.join(", ", builtInNames()));
        }
        try (InputStream in = Personas.class.getResourceAsStream(name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("built-in persona " + name + " is listed but missing");
            }
            return validate(parse(in.readAllBytes(), name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A built-in name, or else a persona JSON file. A {@code face} in the file is resolved against the file's
     * folder.
     *
     * @throws IllegalArgumentException when it is neither, or the file is not a valid persona
     */
    public static Persona resolve(String nameOrFile) {
        if (builtInNames().contains(nameOrFile)) {
            return builtIn(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("'" + nameOrFile + "' is neither a built-in persona ("
                    + String.join(", ", builtInNames()) + ") nor a persona file");
        }
        return load(file);
    }

    /** Loads and validates a persona file. */
    public static Persona load(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("persona file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read persona file " + file + ": " + e.getMessage(), e);
        }
        Persona p = validate(parse(bytes, file.toString()));
        if (p.face() != null) {
            Path dir = file.toAbsolutePath().getParent();
            Path face = dir == null ? Path.of(p.face()) : dir.resolve(p.face());
            p = new Persona(p.name(), p.document(), p.person(), p.access(), p.activeAuthentication(),
                    p.chipAuthentication(), face.toString());
        }
        return p;
    }

    /** Parses persona JSON without resolving files. */
    public static Persona parse(byte[] json, String source) {
        try {
            Persona p = MAPPER.readValue(json, Persona.class);
            if (p == null) {
                throw new IllegalArgumentException(source + " is empty");
            }
            return p;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not a valid persona: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(source + " is not a valid persona: " + e.getMessage(), e);
        }
    }

    /** Persona JSON, as a file would hold it. */
    public static String toJson(Persona p) {
        try {
            return MAPPER.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks what the document factory needs; the message names the persona and the field. */
    static Persona validate(Persona p) {
        Person who = p.person();
        String n = "persona " + p.name() + ": ";
        require(who.fullName() != null && !who.fullName().isBlank(), n + "person.fullName is required");
        requireDate(who.dateOfBirth(), true, n + "person.dateOfBirth");
        require(who.sex() == null || who.sex().equals("Nam") || who.sex().equals("Nữ"),
                n + "person.sex must be \"Nam\", \"Nữ\" or null");
        requireDate(p.document().expiryDate(), false, n + "document.expiryDate");
        requireDate(who.issueDate(), false, n + "person.issueDate");
        requireDate(who.expiryDate(), false, n + "person.expiryDate");
        require(STATE.matcher(p.issuingState()).matches(), n + "document.issuingState must be an ICAO code like VNM");
        if (p.isCccd()) {
            require(who.idNumber() != null && ID_NUMBER.matcher(who.idNumber()).matches(),
                    n + "a CCCD needs person.idNumber of 12 digits");
            require(who.issueDate() != null, n + "a CCCD needs person.issueDate");
            require(who.oldIdNumber() == null || OLD_ID.matcher(who.oldIdNumber()).matches(),
                    n + "person.oldIdNumber must be 9 or 12 digits");
        } else {
            require(p.document().documentNumber() != null, n + "a passport needs document.documentNumber");
            require(who.sex() != null, n + "a passport needs person.sex");
            require(who.nationality() != null, n + "a passport needs person.nationality");
        }
        require(DOC_NUMBER.matcher(p.documentNumber()).matches(),
                n + "the document number must be 1-9 characters of 0-9 and A-Z");
        require(p.access().can() == null || CAN.matcher(p.access().can()).matches(), n + "access.can must be 6 digits");
        require(p.access().bac() || p.access().pace(), n + "access must offer BAC, PACE or both");
        require(!p.access().paceCanOnly() || p.access().pace() && p.access().bac() && p.access().can() != null,
                n + "access.paceCanOnly needs pace, bac and a can");
        return p;
    }

    private static void requireDate(String iso, boolean required, String what) {
        if (iso == null) {
            require(!required, what + " is required");
            return;
        }
        try {
            LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be a date YYYY-MM-DD, got '" + iso + "'");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
