package io.ferrum.api.web;

import io.ferrum.model.common.IntentException;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a {@code POST …/bulk} of more than {@code ferrum.api.max-bulk-items} before any item is validated: one
 * request is one transaction, and a client that sends 80,000 items should split them, not hold the server.
 */
@ControllerAdvice
class BulkLimit extends RequestBodyAdviceAdapter {

    private final ApiLimits limits;

    BulkLimit(ApiLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return CrudController.class.isAssignableFrom(parameter.getContainingClass())
                && parameter.getMethod() != null && parameter.getMethod().getName().equals("createAll");
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        if (body instanceof List<?> items && items.size() > limits.maxBulkItems()) {
            throw IntentException.invalid("body", "at most " + limits.maxBulkItems() + " items in one bulk request "
                    + "(got " + items.size() + "); split it into several");
        }
        return body;
    }
}
