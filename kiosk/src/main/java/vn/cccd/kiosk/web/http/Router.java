package vn.cccd.kiosk.web.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Method + path template ({@code /api/forms/{id}/prefill}) to route. Template parameters match one path segment of
 * safe characters only, so ids never carry slashes, dots or encoded surprises.
 */
public final class Router {
    private static final String SAFE_SEGMENT = "[A-Za-z0-9_-]{1,64}";

    private record Entry(String method, String[] parts, Route route) {
    }

    /** A matched route and its parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public Router add(String method, String template, Route route) {
        entries.add(new Entry(method, template.split("/"), route));
        return this;
    }

    public Router get(String template, Route route) {
        return add("GET", template, route);
    }

    public Router post(String template, Route route) {
        return add("POST", template, route);
    }

    public Router delete(String template, Route route) {
        return add("DELETE", template, route);
    }

    /** A route's method and path template ({@code /api/forms/{id}/prefill}). */
    public record Endpoint(String method, String template) {
    }

    /** Every route, in the order added (tests walk the whole table). */
    public List<Endpoint> endpoints() {
        return entries.stream().map(e -> new Endpoint(e.method(), String.join("/", e.parts()))).toList();
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
