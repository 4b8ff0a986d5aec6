package yuelao.server;

import yuelao.engine.api.Answers;

/**
 * A request the server refuses, with its HTTP status and the JSON body it answers with ({@link Answers.Error}): a bad
 * parameter (400), something not served (404), a wrong method (405), a body too large (413), too busy (503).
 */
final class ApiError extends RuntimeException {
    private final int status;
    private final String error;

    ApiError(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "bad_request", message);
    }

    int status() {
        return status;
    }

    Answers.Error toAnswer() {
        return new Answers.Error(error, getMessage(), null);
    }
}
