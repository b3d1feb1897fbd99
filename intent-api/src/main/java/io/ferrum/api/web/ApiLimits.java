package io.ferrum.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code ferrum.api.*}: how much a client may send at once.
 *
 * @param maxRequestSize the largest request body (413 beyond), except binary uploads
 * @param maxUploadSize  the largest binary upload ({@code application/octet-stream}: firmware and OS images)
 * @param maxBulkItems   the most items one {@code POST …/bulk} may create (422 beyond: split the request)
 */
@ConfigurationProperties("ferrum.api")
public record ApiLimits(DataSize maxRequestSize, DataSize maxUploadSize, Integer maxBulkItems) {

    public ApiLimits {
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(10) : maxRequestSize;
        maxUploadSize = maxUploadSize == null ? DataSize.ofGigabytes(16) : maxUploadSize;
        maxBulkItems = maxBulkItems == null ? 1_000 : maxBulkItems;
    }
}
