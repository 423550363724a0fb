package vn.cccd.kiosk.web.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Method + path template ({@code /api/forms/{id}/prefill}) to route, and who may call it. Template parameters match
 * one path segment of safe characters only, so ids never carry slashes, dots or encoded surprises.
 *
 * <p>Staff-only routes are declared here ({@code r.staff().post(...)}) and the router checks the staff login before
 * they run, so that no handler has to remember it (and a test can list them all).
 */
public final class Router {
    private static final String SAFE_SEGMENT = "[A-Za-z0-9_-]{1,64}";

    /** Who may call a route. */
    public enum Access {
        /** Anyone at the kiosk (the UI secret, when configured, is checked before the API). */
        PUBLIC,
        /** Staff only: the request must carry a valid staff login. */
        STAFF
    }

    /** The staff login check. */
    @FunctionalInterface
    public interface StaffCheck {
        /** @throws ApiException (401) unless the request carries a valid staff login */
        void require(ApiRequest request);
    }

    private record Entry(String method, String[] parts, Access access, Route route) {
    }

    /** A matched route (staff routes with their login check in front) and its parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final StaffCheck staffCheck;

    /** @param staffCheck run before every {@link Access#STAFF} route */
    public Router(StaffCheck staffCheck) {
        this.staffCheck = java.util.Objects.requireNonNull(staffCheck);
    }

    public Router add(String method, String template, Access access, Route route) {
        Route checked = access == Access.PUBLIC ? route : q -> {
            staffCheck.require(q);
            return route.handle(q);
        };
        entries.add(new Entry(method, template.split("/"), access, checked));
        return this;
    }

    public Router get(String template, Route route) {
        return add("GET", template, Access.PUBLIC, route);
    }

    public Router post(String template, Route route) {
        return add("POST", template, Access.PUBLIC, route);
    }

    public Router delete(String template, Route route) {
        return add("DELETE", template, Access.PUBLIC, route);
    }

    /** Adds staff-only routes: {@code r.staff().get(...)}. */
    public Staff staff() {
        return new Staff();
    }

    /** The view of the router that adds {@link Access#STAFF} routes. */
    public final class Staff {
        private Staff() {
        }

        public Staff get(String template, Route route) {
            add("GET", template, Access.STAFF, route);
            return this;
        }

        public Staff post(String template, Route route) {
            add("POST", template, Access.STAFF, route);
            return this;
        }

        public Staff delete(String template, Route route) {
            add("DELETE", template, Access.STAFF, route);
            return this;
        }
    }

    /** A route's method, path template ({@code /api/forms/{id}/prefill}) and who may call it. */
    public record Endpoint(String method, String template, Access access) {
        /** A public route. */
        public Endpoint(String method, String template) {
            this(method, template, Access.PUBLIC);
        }
    }

    /** Every route, in the order added (tests walk the whole table). */
    public List<Endpoint> endpoints() {
        return entries.stream().map(e -> new Endpoint(e.method(), String.join("/", e.parts()), e.access())).toList();
    }

    /**
     * @throws ApiException 404 for an unknown path, 405 (with the allowed methods) for a known path and another
     *     method
     */
    public Match match(String method, String path) {
        String[] parts = path.split("/");
        Set<String> allowed = new TreeSet<>();
        for (Entry e : entries) {
            Optional<Map<String, String>> params = bind(e.parts(), parts);
            if (params.isEmpty()) {
                continue;
            }
            if (e.method().equals(method)) {
                return new Match(e.route(), params.get());
            }
            allowed.add(e.method());
        }
        if (!allowed.isEmpty()) {
            throw new ApiException(405, "METHOD_NOT_ALLOWED", method + " is not allowed here (allowed: "
                    + String.join(", ", allowed) + ")", Map.of("allow", String.join(", ", allowed)));
        }
        throw ApiException.notFound("no such endpoint: " + path);
    }

    private static Optional<Map<String, String>> bind(String[] template, String[] parts) {
        if (template.length != parts.length) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (!parts[i].matches(SAFE_SEGMENT)) {
                    return Optional.empty();
                }
                params.put(t.substring(1, t.length() - 1), parts[i]);
            } else if (!t.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
