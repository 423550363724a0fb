package vn.cccd.kiosk.cards;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The forms rendered in one session, in memory only: the oldest is dropped beyond {@value #MAX}, so a person who
 * renders again and again cannot fill the kiosk's memory; all are dropped when the session ends.
 */
final class SessionDocuments {
    static final int MAX = 10;

    private final Map<String, StoredDocument> byId = new LinkedHashMap<>();

    void put(StoredDocument doc) {
        if (byId.size() >= MAX) {
            byId.remove(byId.keySet().iterator().next());
        }
        byId.put(doc.id(), doc);
    }

    Optional<StoredDocument> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    int size() {
        return byId.size();
    }

    void clear() {
        byId.clear();
    }
}
