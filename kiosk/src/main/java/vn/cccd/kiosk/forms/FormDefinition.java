package vn.cccd.kiosk.forms;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One procedure form as data ({@code config/forms/*.json}): what it is called, who it is for, its fields in
 * sections, where each field's value comes from, how it is checked and how it prints. A new form needs no
 * Java code.
 *
 * @param id stable id of the procedure used in URLs ({@code ct01}); several files may share it, one per legal
 *     version, with validity periods that do not overlap: the kiosk offers the one in force today
 * @param aliases former ids that still name the procedure ({@code ct01-2023}), for URLs and {@code forms.enabled}
 * @param version the legal version the layout follows (forms change: pin it)
 * @param legalBasis the instrument the form is issued with (see docs/FORMS.md for the sources)
 * @param validFrom first day this version is offered, ISO (null: always before validUntil)
 * @param validUntil last day this version is offered, ISO (null: until a later version replaces it)
 * @param formCode the form's own tag line printed top right as the official form prints it ("Mẫu CT01 ban hành
 *     kèm theo ..."), or null when the official form prints none
 * @param audience the kiosk mode that offers it ("citizen", later "hospital", "lodging")
 * @param purpose why the card is read for this form, shown on the consent screen
 * @param readsData which card data the form uses, in words, shown on the consent screen
 * @param cardRoles the cards the form can take (e.g. mother and father); empty means just the person's card
 * @param addressee the "Kính gửi" line: field id whose value is printed after "Kính gửi", or null
 * @param commitment the declaration printed above the signatures, or null
 * @param placeSource where the "..., ngày ... tháng ... năm ..." place comes from (a source expression), or null
 * @param signatures signature blocks, left to right
 * @param notes footnotes printed at the bottom
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FormDefinition(
        String id,
        List<String> aliases,
        String version,
        LegalBasis legalBasis,
        String validFrom,
        String validUntil,
        I18n title,
        String formCode,
        String audience,
        I18n purpose,
        I18n readsData,
        List<CardRole> cardRoles,
        String addressee,
        List<Section> sections,
        I18n commitment,
        String placeSource,
        List<Signature> signatures,
        List<I18n> notes) {

    public FormDefinition {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        cardRoles = cardRoles == null ? List.of() : List.copyOf(cardRoles);
        sections = sections == null ? List.of() : List.copyOf(sections);
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * The instrument a form version is issued with.
     *
     * @param instrument e.g. "Thông tư số 116/2026/TT-BCA"
     * @param issuedBy e.g. "Bộ trưởng Bộ Công an"
     * @param date the instrument's date (ISO)
     * @param inForceFrom the date the form applies from (ISO)
     * @param annex where the form sits in the instrument ("Mẫu CT01"), or null
     * @param status what is verified and what is not, in short (details in docs/FORMS.md)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LegalBasis(String instrument, String issuedBy, String date, String inForceFrom, String annex,
            String status) {
    }

    /** Whether this version is offered on {@code day}. */
    public boolean inForceOn(java.time.LocalDate day) {
        return (validFrom == null || !day.isBefore(java.time.LocalDate.parse(validFrom)))
                && (validUntil == null || !day.isAfter(java.time.LocalDate.parse(validUntil)));
    }

    /**
     * A card the form takes in a role. A card is given the first free role whose {@code match} holds (source
     * path = value), else the first free role.
     *
     * @param match e.g. {@code {"person.sex": "Nữ"}} for the mother
     */
    public record CardRole(String id, I18n label, java.util.Map<String, String> match) {
        public CardRole {
            match = match == null ? java.util.Map.of() : java.util.Map.copyOf(match);
        }
    }

    /**
     * A group of fields. {@code title} (may be null) heads it on screen; it is printed only with
     * {@code printTitle}, as official forms print few such headings.
     */
    public record Section(String id, I18n title, boolean printTitle, I18n note, List<Field> fields) {
        public Section {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    /**
     * One field.
     *
     * @param number the number printed before the label ("1", "10"), or null
     * @param source where the value comes from (see {@link SourceExpression}), or null when the person types it
     * @param defaultValue a fixed starting value the person may change
     * @param pattern a regular expression the whole value must match (after trimming)
     * @param hint how to fill it in; also the message when the pattern does not match
     * @param layout "full" (default), "half" (two per line when printed), "boxes" (one box per character)
     * @param options choices for a select
     * @param columns columns of a table
     * @param maxRows most rows of a table
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(
            String id,
            String number,
            I18n label,
            FieldType type,
            String source,
            @com.fasterxml.jackson.annotation.JsonProperty("default") String defaultValue,
            boolean required,
            String pattern,
            I18n hint,
            Integer maxLength,
            String layout,
            List<Option> options,
            List<Column> columns,
            Integer maxRows) {

        public Field {
            type = type == null ? FieldType.TEXT : type;
            layout = layout == null ? "full" : layout;
            options = options == null ? List.of() : List.copyOf(options);
            columns = columns == null ? List.of() : List.copyOf(columns);
        }

        /** The longest value accepted: given, or a default by type. */
        @JsonIgnore
        public int effectiveMaxLength() {
            if (maxLength != null) {
                return maxLength;
            }
            return switch (type) {
                case TEXTAREA -> 1000;
                case DATE -> 10;
                case ID_NUMBER -> 12;
                case PHONE -> 15;
                case NUMBER -> 9;
                default -> 200;
            };
        }

        @JsonIgnore
        public int effectiveMaxRows() {
            return maxRows == null ? 10 : maxRows;
        }
    }

    /** A choice of a select field: the value printed and the label shown. */
    public record Option(String value, I18n label) {
    }

    /** A table column; columns are typed by the person. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Column(String id, I18n label, FieldType type, boolean required, String pattern, I18n hint,
            Integer maxLength, Double width) {
        public Column {
            type = type == null ? FieldType.TEXT : type;
        }

        /** As a field, so that one set of checks serves both. */
        @JsonIgnore
        public Field asField() {
            return new Field(id, null, label, type, null, null, required, pattern, hint, maxLength, "full", List.of(),
                    List.of(), null);
        }
    }

    /**
     * A signature block.
     *
     * @param nameSource a source expression whose value is printed under the signature space, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Signature(I18n title, I18n note, String nameSource) {
    }

    /** Every field of every section, in order. */
    @JsonIgnore
    public List<Field> fields() {
        List<Field> all = new ArrayList<>();
        for (Section s : sections) {
            all.addAll(s.fields());
        }
        return all;
    }

    public Optional<Field> field(String fieldId) {
        return fields().stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    /** How many cards the form can take (at least one). */
    @JsonIgnore
    public int maxCards() {
        return Math.max(1, cardRoles.size());
    }
}
