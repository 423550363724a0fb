package vn.cccd.kiosk.forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.cccd.kiosk.address.AddressConversion;
import vn.cccd.kiosk.address.AdminUnits;
import vn.cccd.reader.model.CardReadResult;

/** Fills a form from the session's cards and the station configuration. Generic over every definition. */
public final class PrefillEngine {
    private final Map<String, String> stationValues;

    /** @param stationValues the {@code prefill.*} values of kiosk.properties, by name */
    public PrefillEngine(Map<String, String> stationValues) {
        this.stationValues = Map.copyOf(stationValues);
    }

    /** The context sources of {@code def} are evaluated in. */
    public SourceExpression.SourceContext context(FormDefinition def, List<CardReadResult> cards, List<String> roleChoice,
            LocalDate today) {
        Map<String, Integer> roles = CardRoles.assign(def, cards, roleChoice);
        return new SourceExpression.SourceContext() {
            @Override
            public Optional<CardReadResult> card(String role) {
                if (role == null) {
                    return cards.isEmpty() ? Optional.empty() : Optional.of(cards.get(0));
                }
                Integer i = roles.get(role);
                return i == null ? Optional.empty() : Optional.of(cards.get(i));
            }

            @Override
            public String config(String name) {
                return stationValues.get(name);
            }

            @Override
            public LocalDate today() {
                return today;
            }
        };
    }

    /**
     * @param roleChoice the role chosen for each card (see {@link CardRoles#assign(FormDefinition, List, List)}), or
     *     null for automatic
     */
    public Prefill prefill(FormDefinition def, List<CardReadResult> cards, List<String> roleChoice, LocalDate today) {
        SourceExpression.SourceContext ctx = context(def, cards, roleChoice, today);
        Map<String, String> values = new LinkedHashMap<>();
        List<String> readOnly = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, Prefill.AddressProposal> addresses = new LinkedHashMap<>();
        for (FormDefinition.Field f : def.fields()) {
            String v = null;
            if (f.source() != null) {
                SourceExpression e = SourceExpression.parse(f.source());
                v = e.evaluate(ctx);
                if (e.convertsAddress()) {
                    AddressConversion c = e.conversion(ctx);
                    if (c != null) {
                        addresses.put(f.id(), proposal(e, c, v));
                    }
                } else if (v != null && e.fromCard()) {
                    readOnly.add(f.id());
                }
            }
            if (v == null && f.defaultValue() != null) {
                v = f.defaultValue();
            }
            if (v != null) {
                values.put(f.id(), v);
            } else if (f.required()) {
                missing.add(f.id());
            }
        }
        return new Prefill(def.id(), values, missing, readOnly, CardRoles.assign(def, cards, roleChoice), addresses);
    }

    private static Prefill.AddressProposal proposal(SourceExpression e, AddressConversion c, String value) {
        List<Prefill.Choice> choices = new ArrayList<>();
        for (AddressConversion.Candidate k : c.candidates()) {
            AdminUnits.Commune m = k.commune();
            choices.add(new Prefill.Choice(e.render(c, k.address()), m.code(), m.name(), m.province().code(),
                    m.province().name()));
        }
        AdminUnits.Commune m = c.commune();
        return new Prefill.AddressProposal(c.status().name(), c.original(), value, choices, c.oldUnits(),
                m == null ? null : m.code(), m == null ? null : m.province().code());
    }
}
