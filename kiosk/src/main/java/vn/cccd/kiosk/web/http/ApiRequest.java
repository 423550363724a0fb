package vn.cccd.kiosk.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** One API request: path parameters, query, headers and a size-limited body. */
public final class ApiRequest {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Request request;
    private final Map<String, String> params;
    private final int maxJsonBytes;
    private final int maxBinaryBytes;
    private final byte[] body;
    private Fields query;

    /** @param body the whole body, already read (without holding a thread: {@link BodyReader}) */
    ApiRequest(Request request, Map<String, String> params, int maxJsonBytes, int maxBinaryBytes, byte[] body) {
        this.request = request;
        this.params = Map.copyOf(params);
        this.maxJsonBytes = maxJsonBytes;
        this.maxBinaryBytes = maxBinaryBytes;
        this.body = body;
    }

    static boolean isJson(Request request) {
        return mediaType(request).equals("application/json");
    }

    public String method() {
        return request.getMethod();
    }

    public String param(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no parameter " + name);
        }
        return v;
    }

    /** A query parameter, or null. */
    public String query(String name) {
        if (query == null) {
            try {
                query = Request.extractQueryParameters(request);
            } catch (RuntimeException e) {
                // bytes that are not UTF-8 (%ff%fe) or a broken escape
                throw new ApiException(400, "BAD_QUERY", "the query string is not valid percent-encoded UTF-8");
            }
        }
        return query.getValue(name);
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The media type of the body, lower case, without parameters; empty when none. */
    public String mediaType() {
        return mediaType(request);
    }

    private static String mediaType(Request request) {
        String ct = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The body as JSON of {@code type}; unknown properties, trailing data and bad types are a 400. */
    public <T> T json(Class<T> type) {
        if (!mediaType().equals("application/json")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "send the body as application/json");
        }
        byte[] body = body(maxJsonBytes);
        if (body.length == 0) {
            throw ApiException.badRequest("the request needs a JSON body");
        }
        try {
            T value = STRICT.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("the JSON body must be an object");
            }
            return value;
        } catch (JsonMappingException e) {
            // Jackson's own text names our classes and their properties: only the field path is passed on
            String field = path(e);
            String at = field.isEmpty() ? "" : " at '" + field + "'";
            throw new ApiException(400, "BAD_REQUEST", "Dữ liệu JSON không đúng dạng" + at + " / the JSON body is not"
                    + " as expected" + at, field.isEmpty() ? Map.of("reason", "INVALID_JSON")
                            : Map.of("reason", "INVALID_JSON", "field", field));
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "BAD_REQUEST", "Dữ liệu không phải JSON hợp lệ / the body is not valid JSON",
                    Map.of("reason", "MALFORMED_JSON"));
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("the body cannot be read");
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** A binary body (an image) of at most the configured image size. */
    public byte[] binary() {
        return body(maxBinaryBytes);
    }

    private byte[] body(int max) {
        if (request.getLength() > max || body.length > max) {
            throw new ApiException(413, "TOO_LARGE", "the body is larger than " + max + " bytes");
        }
        return body;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
