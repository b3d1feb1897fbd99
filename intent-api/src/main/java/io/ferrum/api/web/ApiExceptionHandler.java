package io.ferrum.api.web;

import io.ferrum.model.common.FieldProblem;
import io.ferrum.model.common.IntentException;
import io.ferrum.standards.definition.DefinitionException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every error of the API as an RFC 9457 problem naming the offending fields: {@code errors: [{field, reason}]}.
 * Model refusals map by reason; anything the database itself refuses is a conflict, and the transaction has
 * already rolled back, so nothing is half-written.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Map<IntentException.Reason, HttpStatus> STATUS = Map.of(
            IntentException.Reason.INVALID, HttpStatus.UNPROCESSABLE_CONTENT,
            IntentException.Reason.CONFLICT, HttpStatus.CONFLICT,
            IntentException.Reason.NOT_FOUND, HttpStatus.NOT_FOUND,
            IntentException.Reason.STALE, HttpStatus.CONFLICT,
            IntentException.Reason.EXHAUSTED, HttpStatus.CONFLICT,
            IntentException.Reason.BUSY, HttpStatus.SERVICE_UNAVAILABLE);

    /** Seconds a client waits before retrying a {@link IntentException.Reason#BUSY} refusal. */
    private static final int BUSY_RETRY_AFTER_SECONDS = 1;

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                DatabaseUnavailable.DETAIL);
        problem.setTitle("Database unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(IntentException.class)
    ResponseEntity<ProblemDetail> intent(IntentException e) {
        HttpStatus status = STATUS.get(e.reason());
        ResponseEntity<ProblemDetail> response = problem(status, title(e.reason()), e.getMessage(), e.problems());
        if (e.reason() == IntentException.Reason.BUSY) {
            return ResponseEntity.status(status).headers(response.getHeaders())
                    .header("Retry-After", String.valueOf(BUSY_RETRY_AFTER_SECONDS)).body(response.getBody());
        }
        return response;
    }

    @ExceptionHandler(DefinitionException.class)
    ResponseEntity<ProblemDetail> definition(DefinitionException e) {
        List<FieldProblem> errors = e.problems().stream().map(p -> new FieldProblem(
                p.file() + ":" + p.line() + ":" + p.column() + (p.field().isEmpty() ? "" : ": " + p.field()),
                p.message())).toList();
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid site definition", e.getMessage(), errors);
    }

    @ExceptionHandler(io.ferrum.provisioning.pipeline.PipelineException.class)
    ResponseEntity<ProblemDetail> pipeline(io.ferrum.provisioning.pipeline.PipelineException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid pipeline run", e.getMessage(),
                List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    /** A template that cannot render a device's config: the standard's mistake, located, not the server's. */
    @ExceptionHandler(io.ferrum.standards.render.TemplateRenderException.class)
    ResponseEntity<ProblemDetail> template(io.ferrum.standards.render.TemplateRenderException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Template error",
                e.getMessage(), List.of(new FieldProblem(e.template() + (e.line() > 0 ? ":" + e.line() : ""),
                        e.getMessage())));
        response.getBody().setProperty("template", e.template());
        response.getBody().setProperty("line", e.line());
        response.getBody().setProperty("device", e.device());
        return response;
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> precondition(PreconditionFailedException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed", e.getMessage(),
                List.of(new FieldProblem("If-Match", e.getMessage())));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<ProblemDetail> problem = unreadable(e);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).body(problem.getBody());
    }

    /** A chunked body that read past the limit (a declared one is refused before Spring: {@link RequestSizeLimit}). */
    @ExceptionHandler(RequestSizeLimit.TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestSizeLimit.TooLarge e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large", e.getMessage(),
                List.of(new FieldProblem("body", "at most " + e.limit + " bytes")));
    }

    private ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.TooLarge large) {
                return tooLarge(large);
            }
        }
        String field = "body";
        String reason = "is not valid JSON of the expected shape";
        DatabindException databind = null;
        for (Throwable t = e.getCause(); t != null && databind == null; t = t.getCause()) {
            if (t instanceof DatabindException d) {
                databind = d;
            }
        }
        Throwable root = e.getMostSpecificCause();
        if (databind != null) {
            String path = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining());
            field = path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
            reason = root instanceof IllegalArgumentException ? root.getMessage() : databind.getOriginalMessage();
            if (databind instanceof BoundedText.TooLong) {
                return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable content", field + ": " + reason,
                        List.of(new FieldProblem(field, reason)));
            }
        } else if (root instanceof JacksonException jackson) {
            reason = jackson.getOriginalMessage();
        } else if (root instanceof IllegalArgumentException illegal) {
            reason = illegal.getMessage();
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", field + ": " + reason,
                List.of(new FieldProblem(field, reason)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        Throwable root = e.getMostSpecificCause();
        String reason = root instanceof IllegalArgumentException ? root.getMessage() : "'" + e.getValue() + "' is not valid";
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", e.getName() + ": " + reason,
                List.of(new FieldProblem(e.getName(), reason)));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "Edit conflict", "someone else changed this object meanwhile; reload and retry",
                List.of(new FieldProblem("version", "is stale")));
    }

    /**
     * A value PostgreSQL cannot take (SQL state class 22: a NUL in text, a number out of range), met when a
     * controller flushes: a client mistake, so 422, never 500 or a 409.
     */
    @ExceptionHandler(org.hibernate.exception.DataException.class)
    ResponseEntity<ProblemDetail> badValue(org.hibernate.exception.DataException e) {
        String reason = NUL_IN_TEXT.equals(e.getSQLState()) ? "text may not contain the NUL character (\\u0000)"
                : "a value is not acceptable: " + truncated(e.getSQLException().getMessage().lines().findFirst().orElse(""));
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable content", reason,
                List.of(new FieldProblem("body", reason)));
    }

    /** Database messages can quote the client's value: never echo more than a line's worth. */
    private static String truncated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    /** PostgreSQL's "character not in repertoire", which is how a NUL in a text value reaches us. */
    private static final String NUL_IN_TEXT = "22021";

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        String detail = e.getMostSpecificCause().getMessage();
        if (e.getMostSpecificCause() instanceof java.sql.SQLException sql && NUL_IN_TEXT.equals(sql.getSQLState())) {
            // PostgreSQL text cannot hold U+0000: a client mistake, not a conflict with stored data
            String reason = "text may not contain the NUL character (\\u0000)";
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable content", reason,
                    List.of(new FieldProblem("body", reason)));
        }
        String field = ConstraintNames.fieldOf(detail);
        return problem(HttpStatus.CONFLICT, "Conflict", ConstraintNames.explain(detail),
                List.of(new FieldProblem(field, ConstraintNames.explain(detail))));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                         List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Echoes.shortened(detail));
        problem.setTitle(title);
        problem.setProperty("errors", errors.stream()
                .map(p -> new FieldProblem(Echoes.shortened(p.field()), Echoes.shortened(p.reason()))).toList());
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String title(IntentException.Reason reason) {
        return switch (reason) {
            case INVALID -> "Invalid input";
            case CONFLICT -> "Conflict";
            case NOT_FOUND -> "Not found";
            case STALE -> "Edit conflict";
            case EXHAUSTED -> "Space exhausted";
            case BUSY -> "Busy";
        };
    }
}
