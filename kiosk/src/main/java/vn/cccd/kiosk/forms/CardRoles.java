package vn.cccd.kiosk.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.cccd.reader.model.CardReadResult;

/**
 * Gives the session's cards their roles in a form (mother, father, ...). Each card, in the order read, takes the
 * first free role whose {@code match} holds, else the first free role; cards beyond the roles are not used.
 */
public final class CardRoles {
    private CardRoles() {
    }

    /** Role id to the index of the card in {@code cards}. */
    public static Map<String, Integer> assign(FormDefinition def, List<CardReadResult> cards) {
        return assign(def, cards, null);
    }

    /**
     * Role id to the index of the card in {@code cards}.
     *
     * @param chosen the role the person chose for each card, in card order ({@code "-"}: not used in this form),
     *     or null to assign automatically
     * @throws IllegalArgumentException for a role the form does not have, or one given twice
     */
    public static Map<String, Integer> assign(FormDefinition def, List<CardReadResult> cards, List<String> chosen) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (chosen != null) {
            for (int i = 0; i < chosen.size() && i < cards.size(); i++) {
                String role = chosen.get(i);
                if (role == null || role.equals("-")) {
                    continue;
                }
                if (def.cardRoles().stream().noneMatch(r -> r.id().equals(role))) {
                    throw new IllegalArgumentException("form " + def.id() + " has no card role '" + role + "'");
                }
                if (out.put(role, i) != null) {
                    throw new IllegalArgumentException("card role '" + role + "' given to two cards");
                }
            }
            return out;
        }
        List<FormDefinition.CardRole> free = new ArrayList<>(def.cardRoles());
        for (int i = 0; i < cards.size() && !free.isEmpty(); i++) {
            CardReadResult card = cards.get(i);
            FormDefinition.CardRole pick = null;
            for (FormDefinition.CardRole r : free) {
                if (!r.match().isEmpty() && matches(r, card)) {
                    pick = r;
                    break;
                }
            }
            if (pick == null) {
                pick = free.get(0);
            }
            free.remove(pick);
            out.put(pick.id(), i);
        }
        return out;
    }

    private static boolean matches(FormDefinition.CardRole role, CardReadResult card) {
        for (Map.Entry<String, String> m : role.match().entrySet()) {
            if (!Objects.equals(SourceExpression.read(card, m.getKey()), m.getValue())) {
                return false;
            }
        }
        return true;
    }
}
