package yuelao.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import yuelao.engine.api.Answers;
import yuelao.engine.api.Json;

/**
 * Jetty's own errors as JSON: what the HTTP layer refuses before any route sees it (a malformed request line, an
 * ambiguous or undecodable path, headers too large, a body sent to a closing connection) gets the same {@link
 * Answers.Error} body as the API's errors, never an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

    /** The {@code error} field for an HTTP status. */
    static String errorId(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "timeout";
            case 413 -> "too_large";
            case 503 -> "busy";
            default -> status >= 500 ? "server_error" : "bad_request";
        };
    }

    static byte[] body(int status, String message) {
        String reason = HttpStatus.getMessage(status);
        return Json.bytes(new Answers.Error(errorId(status), message == null || message.isBlank() ? reason : status + " " + reason + ": " + message,
                null));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() > 0 ? response.getStatus() : 500;
        Object code = request.getAttribute(ERROR_STATUS);
        if (code instanceof Integer i) {
            status = i;
        }
        Object message = request.getAttribute(ERROR_MESSAGE);
        response.setStatus(status);
        response.getHeaders().put(JSON);
        response.write(true, ByteBuffer.wrap(body(status, message == null ? null : message.toString())), callback);
        return true;
    }
}
