package vn.cccd.kiosk.web.http;

/** One API endpoint. Throws {@link ApiException} to refuse a request. */
@FunctionalInterface
public interface Route {
    ApiResponse handle(ApiRequest request) throws Exception;
}
