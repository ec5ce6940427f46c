package io.fleetcast.serve;

import io.fleetcast.model.Problem;
import java.io.Serial;
import java.util.List;
import java.util.Map;

/**
 * A request the server answers with an error status and {@code {"problems": [...]}}: bad input (400, with the
 * located problems of the scenario reader), a missing token (401), an unknown route (404), a wrong method
 * (405), an oversize body (413), a full job queue (429), a spent time budget (503).
 */
final class ApiException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The name problems in a request body carry in place of a file name. */
    static final String BODY = "request";

    private final int status;
    private final transient List<Problem> problems;
    private final transient Map<String, String> headers;

    ApiException(int status, List<Problem> problems, Map<String, String> headers) {
        super(problems.isEmpty() ? "status " + status : problems.get(0).message());
        this.status = status;
        this.problems = List.copyOf(problems);
        this.headers = Map.copyOf(headers);
    }

    /** A one-problem error; {@code path} names the request field ({@code mode}, {@code seed}) or is empty. */
    static ApiException of(int status, String path, String value, String message) {
        return new ApiException(status, List.of(new Problem(BODY, 0, 0, path, value, message)), Map.of());
    }

    /** A 400 for one field of the request. */
    static ApiException badRequest(String path, String value, String message) {
        return of(400, path, value, message);
    }

    int status() {
        return status;
    }

    List<Problem> problems() {
        return problems;
    }

    Map<String, String> headers() {
        return headers;
    }
}
